import { zodResolver } from '@hookform/resolvers/zod';
import { MAX_PARTICIPANTS_PER_BOOKING, type WhenShort } from '@keskusvaraamo/shared';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { FormErrorSummary, FormTextField, useSubmitError } from '../../../shared/forms';
import { toAppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import type { BookableOffer, BookableSession } from './BookSession';
import { DownloadButton } from '../../../shared/ui';
import {
  BookSeatsMutation,
  bookingIcsUrl,
  type BillingInput,
  type Booking,
  type ParticipantInput,
} from '../operations';
import { BILLING_RENAMES, billingInput, bookingFormSchema, EMPTY_BILLING, type BookingFormValues } from './billingForm';
import { sessionDay } from './bookingFormat';
import { useNeedToBookFor, type NeedToBookFor } from './useNeedToBookFor';

/** The payer's fields, with their select and radio groups: loaded only for a paid session. */
const BillingFieldset = lazy(async () => ({ default: (await import('./BillingFieldset')).BillingFieldset }));

interface BookSessionDialogProps {
  session: BookableSession;
  offer: BookableOffer;
  onBooked: () => void;
}

/** The signed-in person's "Book" button and its dialog: who takes part, then the booking. */
export function BookSessionDialog({ session, offer, onBooked }: BookSessionDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const time = format.timeRange(session.startsAt, session.endsAt);
  const full = session.seatsFree === 0;
  return (
    <DialogTrigger>
      <Button className="button button--primary">
        {full ? t('bookings.book.openWaitlist') : t('bookings.book.open')}
        <span className="visually-hidden">: {time}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal modal--wide">
          <Dialog className="dialog">
            {({ close }) => (
              <BookingFlow session={session} offer={offer} time={time} close={close} onBooked={onBooked} />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

type Step =
  | { kind: 'form' }
  /** Fewer seats are free than asked: the booker chooses. */
  | { kind: 'short'; seatsFree: number; people: ParticipantInput[]; billing: BillingInput | null }
  | { kind: 'done'; booking: Booking; asked: number };

interface BookingFlowProps {
  session: BookableSession;
  offer: BookableOffer;
  time: string;
  close: () => void;
  onBooked: () => void;
}

function BookingFlow({ session, offer, time, close, onBooked }: BookingFlowProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { user } = useSession();
  const [, bookSeats] = useMutation(BookSeatsMutation);
  const forNeed = useNeedToBookFor();
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [pendingChoice, setPendingChoice] = useState<WhenShort | null>(null);
  // One key per attempt: a double click or a retry after a lost answer sends the same key, and the
  // server books it once. Once the server has answered with a refusal, the next try is a new attempt.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const paid = session.priceCents > 0;
  const schema = useMemo(() => bookingFormSchema(session.priceCents), [session.priceCents]);
  const form = useForm<BookingFormValues, unknown, BookingFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { participants: [{ name: user?.displayName ?? '', email: user?.email ?? '' }], ...EMPTY_BILLING },
  });
  const participants = useFieldArray({ control: form.control, name: 'participants' });
  const count = useWatch({ control: form.control, name: 'participants' }).length;
  // The server's `billing.x` field errors go to the form's billing fields.
  const submission = useSubmitError(form, BILLING_RENAMES);
  const full = session.seatsFree === 0;
  // One booker holds at most the session's cap: what they hold already counts.
  const held = session.viewerSeats ?? 0;
  const room = Math.max(0, session.maxSeatsPerBooker - held);
  const most = Math.min(MAX_PARTICIPANTS_PER_BOOKING, room);

  // Each new step is announced by moving focus to its heading.
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step.kind]);

  const attempt = async (people: ParticipantInput[], billing: BillingInput | null, whenShort: WhenShort | null) => {
    submission.clear();
    const result = await bookSeats({
      input: {
        sessionId: session.id,
        participants: people,
        idempotencyKey,
        whenShort,
        needId: forNeed.need?.id ?? null,
        billing,
      },
    });
    if (result.data) {
      setStep({ kind: 'done', booking: result.data.bookSeats, asked: people.length });
      onBooked();
      return;
    }
    if (!result.error) return;
    const error = toAppError(result.error);
    // A lost answer (network, server failure) may have booked: a retry must send the same key.
    if (error.code !== 'NETWORK' && error.code !== 'INTERNAL') setIdempotencyKey(crypto.randomUUID());
    if (error.code === 'SEATS_EXHAUSTED') {
      setStep({ kind: 'short', seatsFree: Number(error.params?.seatsFree ?? 0), people, billing });
      return;
    }
    submission.report(result.error);
  };

  const choose = async (whenShort: WhenShort, people: ParticipantInput[], billing: BillingInput | null) => {
    setPendingChoice(whenShort);
    try {
      await attempt(people, billing, whenShort);
    } finally {
      setPendingChoice(null);
    }
  };

  const submit = form.handleSubmit(async (values) => {
    // On a paid session on an organisation's behalf only: a private person pays as the educator instructs.
    const billing = paid && values.payer === 'ORGANISATION' ? billingInput(values) : null;
    // A full session can only be waited for: the server still confirms if a seat has just freed.
    await attempt(values.participants, billing, full ? 'JOIN_WAITLIST' : null);
  });

  if (step.kind === 'done') {
    const { booking, asked } = step;
    const confirmed = booking.state === 'CONFIRMED';
    return (
      <>
        <Heading slot="title" className="dialog__title" ref={headingRef} tabIndex={-1}>
          {confirmed ? t('bookings.book.confirmedTitle', { count: booking.seats }) : t('bookings.book.waitlistedTitle')}
        </Heading>
        <div className="dialog__body">
          <p>
            <strong>{offer.title}</strong>
            <br />
            {time}
          </p>
          {booking.need ? (
            <p>
              {t('bookings.forNeed.answers')} <Link to={`/needs/${booking.need.id}`}>{booking.need.title}</Link>
            </p>
          ) : null}
          {confirmed ? (
            <>
              <p>{t('bookings.book.confirmedBody', { count: booking.seats })}</p>
              {booking.seats < asked ? (
                <p className="alert alert--info">{t('bookings.book.partly', { count: asked - booking.seats })}</p>
              ) : null}
            </>
          ) : (
            <>
              <p>{t('bookings.book.waitlistedBody', { position: booking.waitlistPosition ?? 1 })}</p>
              <p>
                {session.priceCents === 0
                  ? t('bookings.waitlist.free')
                  : t('bookings.waitlist.paid', { count: offer.claimWindowHours })}
              </p>
            </>
          )}
          {booking.billing ? (
            <p>{t('bookings.billing.invoiced', { organisation: booking.billing.organisationName })}</p>
          ) : null}
          <ul className="participant-names">
            {booking.participants.map((p) => (
              <li key={p.id}>
                {p.name} <span className="muted">({p.email})</span>
              </li>
            ))}
          </ul>
          <p>{t('bookings.book.emailNote')}</p>
        </div>
        <div className="dialog__actions">
          {confirmed ? (
            <DownloadButton
              url={bookingIcsUrl(booking.id)}
              filename={t('bookings.icsFileName', { date: sessionDay(session) })}
            >
              {t('bookings.addToCalendar')}
            </DownloadButton>
          ) : null}
          <Link className="button button--secondary" to="/my/bookings">
            {t('bookings.book.toMyBookings')}
          </Link>
          <Button className="button button--primary" onPress={close}>
            {t('common.close')}
          </Button>
        </div>
      </>
    );
  }

  if (step.kind === 'short') {
    const { seatsFree, people, billing } = step;
    const booked = people.slice(0, seatsFree);
    const left = people.slice(seatsFree);
    return (
      <>
        <Heading slot="title" className="dialog__title" ref={headingRef} tabIndex={-1}>
          {seatsFree > 0 ? t('bookings.book.shortTitle') : t('bookings.book.fullTitle')}
        </Heading>
        <div className="dialog__body">
          <p>
            {seatsFree > 0
              ? t('bookings.book.shortBody', { count: seatsFree, asked: people.length })
              : t('bookings.book.fullBody', { count: people.length })}
          </p>
          {seatsFree > 0 ? (
            <p>
              {t('bookings.book.wouldBook', { names: booked.map((p) => p.name).join(', ') })}{' '}
              {t('bookings.book.wouldLeave', { names: left.map((p) => p.name).join(', ') })}
            </p>
          ) : null}
          <p>
            {session.priceCents === 0
              ? t('bookings.waitlist.free')
              : t('bookings.waitlist.paid', { count: offer.claimWindowHours })}
          </p>
        </div>
        <FormErrorSummary submission={submission} />
        <div className="dialog__actions">
          <Button
            className="button button--secondary"
            isDisabled={pendingChoice !== null}
            onPress={() => setStep({ kind: 'form' })}
          >
            {t('bookings.book.back')}
          </Button>
          {seatsFree > 0 ? (
            <Button
              className="button button--primary"
              isPending={pendingChoice === 'TAKE_AVAILABLE'}
              isDisabled={pendingChoice !== null}
              onPress={() => void choose('TAKE_AVAILABLE', people, billing)}
            >
              {t('bookings.book.takeAvailable', { count: seatsFree })}
            </Button>
          ) : null}
          <Button
            className={seatsFree > 0 ? 'button button--secondary' : 'button button--primary'}
            isPending={pendingChoice === 'JOIN_WAITLIST'}
            isDisabled={pendingChoice !== null}
            onPress={() => void choose('JOIN_WAITLIST', people, billing)}
          >
            {t('bookings.book.joinWaitlist', { count: people.length })}
          </Button>
        </div>
      </>
    );
  }

  return (
    <>
      <Heading slot="title" className="dialog__title" ref={headingRef} tabIndex={-1}>
        {t('bookings.book.title')}
      </Heading>
      <div className="dialog__body">
        <p>
          <strong>{offer.title}</strong>
          <br />
          {time}
        </p>
        <ForNeedNote forNeed={forNeed} />
        <p className={full ? 'alert alert--info' : undefined}>
          {full ? t('bookings.book.fullNow') : t('bookings.book.seatsFree', { count: session.seatsFree })}
        </p>
        <p className={room === 0 ? 'alert alert--info' : undefined}>
          {t('bookings.book.perBooker', { count: session.maxSeatsPerBooker })}{' '}
          {room === 0
            ? t('bookings.book.perBookerReached')
            : held > 0
              ? t('bookings.book.perBookerHeld', { count: held, room })
              : null}
        </p>
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        <p className="form__note">{t('bookings.book.participantsHelp')}</p>
        <ol className="participant-editor-list">
          {participants.fields.map((field, index) => (
            <li key={field.id}>
              <fieldset className="session-editor__fieldset participant-editor">
                <legend className="session-editor__legend">
                  {t('bookings.book.participantNumber', { number: index + 1 })}
                </legend>
                <div className="form__pair">
                  <FormTextField
                    control={form.control}
                    name={`participants.${index}.name`}
                    label={t('bookings.fields.name')}
                    autoComplete={index === 0 ? 'name' : 'off'}
                    isRequired
                  />
                  <FormTextField
                    control={form.control}
                    name={`participants.${index}.email`}
                    type="email"
                    inputMode="email"
                    label={t('bookings.fields.email')}
                    autoComplete={index === 0 ? 'email' : 'off'}
                    isRequired
                  />
                </div>
                {participants.fields.length > 1 ? (
                  <Button className="button button--ghost" onPress={() => participants.remove(index)}>
                    {t('bookings.book.removeParticipant', { number: index + 1 })}
                  </Button>
                ) : null}
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="button-row">
          <Button
            className="button button--secondary"
            isDisabled={participants.fields.length >= most}
            onPress={() =>
              participants.append(
                { name: '', email: '' },
                { focusName: `participants.${participants.fields.length}.name` },
              )
            }
          >
            {t('bookings.book.addParticipant')}
          </Button>
        </div>
        {participants.fields.length >= most && room > 0 ? (
          <p className="form__note">
            {most < MAX_PARTICIPANTS_PER_BOOKING
              ? t('bookings.book.perBookerLimit', { count: most })
              : t('bookings.book.maxParticipants', { count: MAX_PARTICIPANTS_PER_BOOKING })}
          </p>
        ) : null}
        {paid ? (
          <Suspense fallback={null}>
            <BillingFieldset form={form} count={count} />
          </Suspense>
        ) : null}
        <p className="booking-total" aria-live="polite">
          {session.priceCents === 0
            ? t('bookings.book.totalFree', { count })
            : t('bookings.book.total', { count, price: format.money(session.priceCents * count) })}
        </p>
        <p className="form__note">
          {t('bookings.book.cancellationNote', { date: format.dateTime(session.cancellationDeadline) })}
        </p>
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            className="button button--primary"
            isPending={form.formState.isSubmitting}
            isDisabled={room === 0 || forNeed.fetching}
          >
            {full ? t('bookings.book.submitWaitlist', { count }) : t('bookings.book.submit', { count })}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Which need the booking is for, or that the one in the address cannot be booked for. */
function ForNeedNote({ forNeed }: { forNeed: NeedToBookFor }) {
  const { t } = useTranslation();
  if (forNeed.need) {
    return (
      <p className="alert alert--info">
        {t('bookings.forNeed.booking')} <strong>{forNeed.need.title}</strong>
      </p>
    );
  }
  if (forNeed.requested && !forNeed.fetching)
    return <p className="alert alert--warning">{t('bookings.forNeed.unavailable')}</p>;
  return null;
}
