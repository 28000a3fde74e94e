import { isCancelReason, isErased } from '@keskusvaraamo/shared';
import { useEffect, useRef, useState } from 'react';
import { Button, DialogTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters, useLocale } from '../../../shared/i18n';
import {
  ConfirmDialog,
  DownloadButton,
  EmptyState,
  ErrorAlert,
  Loading,
  Page,
  StatusMessage,
} from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { ConversationDialog } from '../../conversations';
import { AttendanceToggle } from '../components/AttendanceToggle';
import { ParticipantTable } from '../components/ParticipantTable';
import { sessionDay, sessionPlace } from '../components/bookingFormat';
import { BookingStateBadge } from '../components/BookingStateBadge';
import { ChangeCapacityForm } from '../components/ChangeCapacityForm';
import { OrganiserCancelSeat } from '../components/SeatActions';
import { SessionMessages } from '../components/SessionMessages';
import {
  CancelSessionMutation,
  ManagedSessionQuery,
  participantListPrintPath,
  participantsCsvUrl,
  periodInvoicingCsvUrl,
  sessionInvoicingCsvUrl,
  SessionOfferQuery,
  type BillingDetails,
  type ManagedSession,
  type SessionBooking,
  type SessionMessaging,
} from '../operations';

/**
 * One session for its organiser: seats and waitlist, the bookings in arrival order with their
 * participants and attendance (and, until the start, a participant's seat cancelled), the participant
 * list as CSV or to print, messages to the participants, more or fewer seats, and cancelling.
 */
export function SessionManagePage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ManagedSessionQuery, variables: { id } });
  const session = data?.session ?? null;
  const [{ data: offerData }] = useQuery({
    query: SessionOfferQuery,
    variables: { id: session?.offerId ?? '' },
    pause: !session,
  });
  const offer = offerData?.offer ?? null;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const time = session ? format.timeRange(session.startsAt, session.endsAt) : '';
  const title = session ? t('bookings.manage.title', { time }) : t('bookings.manage.titleShort');

  return (
    <Page title={title} lead={offer ? offer.title : undefined}>
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {session && data ? (
        <SessionContent
          session={session}
          bookings={data.sessionBookings}
          time={time}
          organisationId={offer?.organisation.id ?? null}
          onChanged={refresh}
        />
      ) : data ? (
        <p>{t('bookings.manage.notFound')}</p>
      ) : fetching ? (
        <Loading shape="detail" />
      ) : null}
      {session ? (
        <p>
          <Link to={`/offers/${session.offerId}`}>{t('bookings.manage.backToCourse')}</Link>
        </p>
      ) : null}
    </Page>
  );
}

interface SessionContentProps {
  session: ManagedSession & SessionMessaging;
  bookings: SessionBooking[];
  time: string;
  /** The course's organisation, for its invoicing list of the session's month. */
  organisationId: string | null;
  onChanged: () => void;
}

function SessionContent({ session, bookings, time, organisationId, onChanged }: SessionContentProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormatters();
  const [, cancelSession] = useMutation(CancelSessionMutation);
  const [cancelError, setCancelError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const place = sessionPlace(session, locale, t('offers.details.online'));
  const active = bookings.filter((b) => b.state !== 'CANCELLED');
  // Seats may be cancelled one by one until the session starts (the server checks the same).
  const seatsOpen = !session.cancelledAt && new Date(session.startsAt) > new Date();
  const seatCancelled = (message: string) => {
    setStatus(message);
    onChanged();
  };
  const confirmedPeople = bookings
    .filter((b) => b.state === 'CONFIRMED')
    .reduce((sum, b) => sum + b.participants.length, 0);

  const cancel = async () => {
    setCancelError(null);
    const result = await cancelSession({ id: session.id });
    if (result.error) {
      setCancelError(toAppError(result.error));
      return false;
    }
    setStatus(t('bookings.manage.sessionCancelled'));
    onChanged();
    return true;
  };

  return (
    <div className="stack">
      {session.cancelledAt ? (
        <div className="alert alert--warning">
          <p>
            {t('bookings.manage.cancelledBanner', { date: format.dateTime(session.cancelledAt) })}{' '}
            {session.cancelReason === 'MINIMUM_NOT_REACHED' ? t('bookings.manage.cancelledMinimum') : null}
          </p>
        </div>
      ) : null}
      <StatusMessage>{status}</StatusMessage>

      <section className="card" aria-labelledby="session-summary-heading">
        <h2 id="session-summary-heading">{t('bookings.manage.summaryHeading')}</h2>
        <dl className="details">
          <div>
            <dt>{t('bookings.fields.time')}</dt>
            <dd>{time}</dd>
          </div>
          {place ? (
            <div>
              <dt>{t('offers.sessionFields.place')}</dt>
              <dd>{place}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('offers.sessionFields.seats')}</dt>
            <dd>
              {t('bookings.manage.seatsSummary', {
                taken: session.seatsTaken,
                count: session.seatsFree,
                seats: session.seats,
              })}
            </dd>
          </div>
          <div>
            <dt>{t('bookings.manage.waitlist')}</dt>
            <dd>{t('bookings.manage.waitlistCount', { count: session.waitlistCount ?? 0 })}</dd>
          </div>
          <div>
            <dt>{t('offers.sessionFields.registrationDeadline')}</dt>
            <dd>{format.dateTime(session.registrationDeadline)}</dd>
          </div>
          <div>
            <dt>{t('offers.sessionFields.cancellationDeadline')}</dt>
            <dd>{format.dateTime(session.cancellationDeadline)}</dd>
          </div>
          <div>
            <dt>{t('offers.sessionFields.minParticipants')}</dt>
            <dd>
              {session.minParticipants === null || !session.decisionAt ? (
                t('bookings.manage.noMinimum')
              ) : (
                <>
                  {t('bookings.manage.minimum', {
                    count: session.minParticipants,
                    date: format.dateTime(session.decisionAt),
                  })}{' '}
                  {session.seatsTaken >= session.minParticipants ? (
                    <span className="badge badge--success">{t('bookings.manage.minimumReached')}</span>
                  ) : (
                    <span className="badge badge--warning">
                      {t('bookings.manage.minimumMissing', { count: session.minParticipants - session.seatsTaken })}
                    </span>
                  )}
                </>
              )}
            </dd>
          </div>
        </dl>
      </section>

      <section className="section" aria-labelledby="session-bookings-heading">
        <h2 id="session-bookings-heading">{t('bookings.manage.bookingsHeading', { count: active.length })}</h2>
        <p className="muted">{t('bookings.manage.bookingsHelp', { count: confirmedPeople })}</p>
        <div className="button-row">
          <DownloadButton
            url={participantsCsvUrl(session.id, locale)}
            filename={t('bookings.manage.csvFileName', { date: sessionDay(session) })}
          >
            {t('bookings.manage.downloadCsv')}
          </DownloadButton>
          {/* The print view opens the browser's print dialog when it comes from here. */}
          <Link className="button button--secondary" to={participantListPrintPath(session.id)} state={{ print: true }}>
            {t('bookings.print.open')}
          </Link>
          {session.priceCents > 0 ? (
            <DownloadButton
              url={sessionInvoicingCsvUrl(session.id, locale)}
              filename={t('bookings.manage.invoicingCsvFileName', { date: sessionDay(session) })}
            >
              {t('bookings.manage.invoicingCsv')}
            </DownloadButton>
          ) : null}
          {session.priceCents > 0 && organisationId ? (
            <PeriodInvoicing session={session} organisationId={organisationId} />
          ) : null}
        </div>
        {session.priceCents > 0 ? <p className="muted">{t('bookings.manage.invoicingHelp')}</p> : null}
        <ParticipantTable
          sessionId={session.id}
          startsAt={session.startsAt}
          bookings={bookings}
          onChanged={onChanged}
        />
        {bookings.length === 0 ? (
          <div className="card">
            <EmptyState title={t('bookings.manage.noBookings')} />
          </div>
        ) : (
          <ol className="card-list session-bookings">
            {bookings.map((booking, index) => (
              <SessionBookingItem
                key={booking.id}
                booking={booking}
                number={index + 1}
                started={new Date(session.startsAt) <= new Date()}
                time={time}
                seatsOpen={seatsOpen}
                onSeatCancelled={seatCancelled}
              />
            ))}
          </ol>
        )}
      </section>

      <SessionMessages session={session} />

      {!session.cancelledAt ? (
        <>
          <section className="card" aria-labelledby="session-capacity-heading">
            <h2 id="session-capacity-heading">{t('bookings.manage.capacityHeading')}</h2>
            <ChangeCapacityForm session={session} onSaved={onChanged} />
          </section>
          <section className="card" aria-labelledby="session-cancel-heading">
            <h2 id="session-cancel-heading">{t('bookings.manage.cancelHeading')}</h2>
            <p>{t('bookings.manage.cancelHelp')}</p>
            <DialogTrigger onOpenChange={() => setCancelError(null)}>
              <Button className="button button--danger-outline">{t('bookings.manage.cancelSession')}</Button>
              <ConfirmDialog
                title={t('bookings.manage.cancelTitle')}
                confirmLabel={t('bookings.manage.cancelSession')}
                onConfirm={cancel}
                footer={<ErrorAlert error={cancelError} />}
              >
                <p>{t('bookings.manage.cancelBody', { time, count: active.length })}</p>
                <p>
                  <strong>{t('bookings.manage.cancelWarning')}</strong>
                </p>
              </ConfirmDialog>
            </DialogTrigger>
          </section>
        </>
      ) : null}
    </div>
  );
}

function SessionBookingItem({
  booking,
  number,
  started,
  time,
  seatsOpen,
  onSeatCancelled,
}: {
  booking: SessionBooking;
  number: number;
  /** Attendance is marked once the session has started. */
  started: boolean;
  time: string;
  /** Whether a participant's seat may be cancelled now (the session has not started or been cancelled). */
  seatsOpen: boolean;
  onSeatCancelled: (message: string) => void;
}) {
  const { t } = useTranslation();
  const erased = useErased();
  const format = useFormatters();
  const headingId = `session-booking-${booking.id}`;
  const bookerName = booking.bookerName ?? t('bookings.manage.unknownBooker');
  const live = booking.state === 'CONFIRMED' || booking.state === 'WAITLISTED' || booking.state === 'OFFERED';
  // A cancelled seat's button goes with its participant: once the reloaded booking is without them
  // (or cancelled, with the last one), the booking's heading takes focus.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusWhenGone = useRef<string | null>(null);
  useEffect(() => {
    const gone = focusWhenGone.current;
    if (!gone || (booking.state !== 'CANCELLED' && booking.participants.some((p) => p.id === gone))) return;
    focusWhenGone.current = null;
    headingRef.current?.focus();
  }, [booking]);
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 className="card__title" id={headingId} ref={headingRef} tabIndex={-1}>
        <span className="muted">{number}.</span> {bookerName}
      </h3>
      <p className="card__meta">
        <BookingStateBadge state={booking.state} />{' '}
        {booking.bookerEmail ? <a href={`mailto:${booking.bookerEmail}`}>{booking.bookerEmail}</a> : null}
        {' · '}
        {t('bookings.manage.bookedAt', { date: format.dateTime(booking.createdAt) })}
      </p>
      {booking.state === 'WAITLISTED' && booking.waitlistPosition !== null ? (
        <p className="card__meta">{t('bookings.mine.position', { position: booking.waitlistPosition })}</p>
      ) : null}
      {booking.state === 'OFFERED' && booking.offeredUntil ? (
        <p className="card__meta">
          {t('bookings.manage.offeredUntil', { date: format.dateTime(booking.offeredUntil) })}
        </p>
      ) : null}
      {booking.state === 'CANCELLED' ? (
        <p className="card__meta">
          {isCancelReason(booking.cancelReason)
            ? t(`bookings.cancelReasonsOrganiser.${booking.cancelReason}`)
            : t('bookings.cancelReasons.unknown')}
        </p>
      ) : null}
      <BillingSummary billing={booking.billing} />
      <ul
        className="participant-rows"
        aria-label={t('bookings.fields.participants', { count: booking.participants.length })}
      >
        {booking.participants.map((p) => (
          <li key={p.id} className="participant-row">
            <span>
              {erased.name(p.name)} <span className="muted">({erased.text(p.email)})</span>
            </span>
            {/* Keyed by the saved answer: a change made in the table above shows here too. */}
            {booking.state === 'CONFIRMED' ? (
              <AttendanceToggle key={String(p.attended)} participant={p} isDisabled={!started} />
            ) : null}
            {seatsOpen && live && !isErased(p.name) ? (
              <OrganiserCancelSeat
                booking={booking}
                participant={p}
                name={erased.name(p.name)}
                time={time}
                onCancelled={(message) => {
                  focusWhenGone.current = p.id;
                  onSeatCancelled(message);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <ConversationDialog
          subject={{ kind: 'BOOKING', id: booking.id }}
          title={t('bookings.messages.withBooker', { name: bookerName })}
          context={bookerName}
        />
      </div>
    </li>
  );
}

/** The invoicing list of every session of the organisation in the month this one starts (Helsinki days). */
function PeriodInvoicing({ session, organisationId }: { session: ManagedSession; organisationId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const month = session.startsAtLocal.slice(0, 7);
  const monthName = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Helsinki',
  }).format(new Date(session.startsAt));
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01`;
  const to = `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
  return (
    <DownloadButton
      url={periodInvoicingCsvUrl(organisationId, from, to, locale)}
      filename={t('bookings.manage.periodInvoicingFileName', { from, to })}
    >
      {t('bookings.manage.periodInvoicingCsv', { month: monthName })}
    </DownloadButton>
  );
}

/** Who is invoiced for a booking, as the booker gave it. */
function BillingSummary({ billing }: { billing: BillingDetails | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!billing) return null;
  return (
    <div className="billing-summary">
      <p className="card__meta">
        <strong>{t('bookings.billing.heading')}</strong>
      </p>
      <dl className="details">
        <div>
          <dt>{t('bookings.billing.organisationName')}</dt>
          <dd>{billing.organisationName}</dd>
        </div>
        <div>
          <dt>{t('bookings.billing.businessId')}</dt>
          <dd>{billing.businessId}</dd>
        </div>
        {billing.invoiceMethod === 'E_INVOICE' ? (
          <>
            <div>
              <dt>{t('bookings.billing.eInvoiceAddress')}</dt>
              <dd>{billing.eInvoiceAddress}</dd>
            </div>
            <div>
              <dt>{t('bookings.billing.eInvoiceOperator')}</dt>
              <dd>{billing.eInvoiceOperator}</dd>
            </div>
          </>
        ) : (
          <div>
            <dt>{t('bookings.billing.invoiceEmail')}</dt>
            <dd>{billing.invoiceEmail ?? '–'}</dd>
          </div>
        )}
        {billing.reference ? (
          <div>
            <dt>{t('bookings.billing.reference')}</dt>
            <dd>{billing.reference}</dd>
          </div>
        ) : null}
        {billing.unitPriceCents !== null ? (
          <div>
            <dt>{t('offers.sessionFields.price')}</dt>
            <dd>{t('bookings.billing.unitPrice', { price: format.money(billing.unitPriceCents) })}</dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
