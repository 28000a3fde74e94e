import { useEffect, useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { sessionPlace } from '../components/bookingFormat';
import { ManagedSessionQuery, SessionOfferQuery, type SessionBooking } from '../operations';
import '../components/participantPrint.css';

interface PrintRow {
  id: string;
  name: string;
  /** The organisation the booking was made on behalf of, when it was. */
  organisation: string;
}

/** The confirmed participants by name, with their booker's organisation where the booking names one. */
function printRows(bookings: SessionBooking[], locale: string, name: (value: string) => string): PrintRow[] {
  const collator = new Intl.Collator(locale);
  return bookings
    .filter((booking) => booking.state === 'CONFIRMED')
    .flatMap((booking) =>
      booking.participants.map((p) => ({
        id: p.id,
        name: name(p.name),
        organisation: booking.billing?.organisationName ?? '',
      })),
    )
    .sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * A session's participant list on paper, for signing in on the day: the course, time and place, and
 * a numbered table of the confirmed participants by name with an empty signature column. Printed
 * without the site's header, footer and buttons, black on white (participantPrint.css). Opened from
 * the session's page ("Print participant list"), it opens the browser's print dialog once loaded.
 */
export function ParticipantListPrintPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const locale = useLocale();
  const erased = useErased();
  const location = useLocation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ManagedSessionQuery, variables: { id } });
  const session = data?.session ?? null;
  const [{ data: offerData, fetching: offerFetching }] = useQuery({
    query: SessionOfferQuery,
    variables: { id: session?.offerId ?? '' },
    pause: !session,
  });
  const offer = offerData?.offer ?? null;
  const [printedAt] = useState(() => new Date().toISOString());
  const rows = useMemo(() => printRows(data?.sessionBookings ?? [], locale, erased.name), [data, locale, erased]);
  const ready = !!session && !!offer;
  const printAsked = (location.state as { print?: boolean } | null)?.print === true;

  // Asked from the session's page: the print dialog opens once the list is on the page, once (the
  // request leaves the history entry, so that a reload does not ask again).
  useEffect(() => {
    if (!ready || !printAsked) return;
    const timer = window.setTimeout(() => {
      window.print();
      void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [ready, printAsked, navigate, location.pathname, location.search]);

  const title = offer ? t('bookings.print.documentTitle', { title: offer.title }) : t('bookings.print.title');
  const place = session ? sessionPlace(session, locale, t('offers.details.online')) : '';

  return (
    <Page
      title={title}
      heading={offer?.title ?? t('bookings.print.title')}
      lead={offer ? t('bookings.print.title') : undefined}
      className="print-sheet"
    >
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {session ? (
        <>
          <div className="button-row print-sheet__tools">
            <Button className="button button--primary" onPress={() => window.print()}>
              {t('bookings.print.print')}
            </Button>
            <Link to={`/sessions/${encodeURIComponent(session.id)}/manage`}>{t('bookings.print.back')}</Link>
          </div>
          {session.cancelledAt ? (
            <p className="alert alert--warning">
              {t('bookings.manage.cancelledBanner', { date: format.dateTime(session.cancelledAt) })}
            </p>
          ) : null}
          <dl className="details details--compact print-sheet__details">
            <div>
              <dt>{t('bookings.fields.time')}</dt>
              <dd>{format.timeRange(session.startsAt, session.endsAt)}</dd>
            </div>
            {place ? (
              <div>
                <dt>{t('offers.sessionFields.place')}</dt>
                <dd>{place}</dd>
              </div>
            ) : null}
            {offer ? (
              <div>
                <dt>{t('bookings.print.organiser')}</dt>
                <dd>{offer.organisation.name}</dd>
              </div>
            ) : null}
          </dl>
          {rows.length === 0 ? (
            <p>{t('bookings.print.empty')}</p>
          ) : (
            <table className="print-sheet__table">
              <caption>{t('bookings.print.caption', { count: rows.length })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="print-sheet__number">
                    {t('bookings.print.number')}
                  </th>
                  <th scope="col">{t('bookings.participants.name')}</th>
                  <th scope="col">{t('bookings.print.organisation')}</th>
                  <th scope="col" className="print-sheet__signature">
                    {t('bookings.print.signature')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.id}>
                    <td className="print-sheet__number">{index + 1}</td>
                    <th scope="row">{row.name}</th>
                    <td>{row.organisation}</td>
                    <td className="print-sheet__signature" />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="print-sheet__printed">{t('bookings.print.printed', { date: format.dateTime(printedAt) })}</p>
        </>
      ) : data ? (
        <p>{t('bookings.manage.notFound')}</p>
      ) : fetching || offerFetching ? (
        <Loading shape="detail" />
      ) : null}
    </Page>
  );
}
