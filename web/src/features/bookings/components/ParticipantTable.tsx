import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters, useLocale } from '../../../shared/i18n';
import { ErrorAlert, StatusMessage } from '../../../shared/ui';
import { useErased } from '../../../shared/utils/erased';
import { MarkSessionAttendanceMutation, type SessionBooking } from '../operations';
import './participants.css';

type Order = 'BOOKED' | 'NAME' | 'ATTENDANCE';

interface Row {
  id: string;
  name: string;
  email: string;
  booker: string;
  attended: boolean | null;
  /** The booking's place in the list, then the participant's in the booking. */
  position: number;
}

/**
 * The confirmed participants of a session in one table, for an organiser with forty of them:
 * sorted by booking, name or attendance; chosen one by one or all at once, and marked present or
 * absent together (one request: all of them or none).
 */
export function ParticipantTable({
  sessionId,
  startsAt,
  bookings,
  onChanged,
}: {
  sessionId: string;
  /** Attendance is marked once the session has started; before, the marking buttons wait. */
  startsAt: string;
  bookings: SessionBooking[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const erased = useErased();
  const [order, setOrder] = useState<Order>('BOOKED');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, mark] = useMutation(MarkSessionAttendanceMutation);
  const format = useFormatters();
  const started = new Date(startsAt) <= new Date();

  const rows = useMemo(() => {
    const list: Row[] = bookings
      .filter((booking) => booking.state === 'CONFIRMED')
      .flatMap((booking, b) =>
        booking.participants.map((p, i) => ({
          id: p.id,
          name: erased.name(p.name),
          email: erased.text(p.email),
          booker: booking.bookerName ?? '',
          attended: p.attended,
          position: b * 1000 + i,
        })),
      );
    const collator = new Intl.Collator(locale);
    const rank = (attended: boolean | null) => (attended === null ? 0 : attended ? 2 : 1);
    return list.sort((a, b) =>
      order === 'NAME'
        ? collator.compare(a.name, b.name)
        : order === 'ATTENDANCE'
          ? rank(a.attended) - rank(b.attended) || a.position - b.position
          : a.position - b.position,
    );
  }, [bookings, order, locale, erased]);

  if (rows.length === 0) return null;
  const allChosen = rows.every((row) => chosen.has(row.id));
  const toggle = (id: string) =>
    setChosen((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const markChosen = async (attended: boolean) => {
    const ids = rows.filter((row) => chosen.has(row.id)).map((row) => row.id);
    setDone(null);
    setError(null);
    const result = await mark({ sessionId, participantIds: ids, attended });
    if (result.error) {
      setError(toAppError(result.error));
      return;
    }
    setDone(
      t(attended ? 'bookings.participants.markedPresent' : 'bookings.participants.markedAbsent', { count: ids.length }),
    );
    setChosen(new Set());
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('bookings.participants.heading', { count: rows.length })}</h2>
      <div className="participants-tools">
        <label className="field participants-tools__order">
          <span className="field__label">{t('bookings.participants.order')}</span>
          <select className="field__input" value={order} onChange={(event) => setOrder(event.target.value as Order)}>
            <option value="BOOKED">{t('bookings.participants.byBooking')}</option>
            <option value="NAME">{t('bookings.participants.byName')}</option>
            <option value="ATTENDANCE">{t('bookings.participants.byAttendance')}</option>
          </select>
        </label>
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={!started || chosen.size === 0 || fetching}
            onClick={() => void markChosen(true)}
          >
            {t('bookings.participants.markPresent', { count: chosen.size })}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={!started || chosen.size === 0 || fetching}
            onClick={() => void markChosen(false)}
          >
            {t('bookings.participants.markAbsent', { count: chosen.size })}
          </button>
        </div>
      </div>
      {started ? null : (
        <p className="muted">{t('bookings.participants.notStarted', { date: format.dateTime(startsAt) })}</p>
      )}
      <StatusMessage>{done}</StatusMessage>
      <ErrorAlert error={error} />
      <div className="participants-table-wrap">
        <table className="participants-table">
          <thead>
            <tr>
              <th scope="col">
                <input
                  type="checkbox"
                  checked={allChosen}
                  aria-label={t('bookings.participants.chooseAll')}
                  onChange={() => setChosen(allChosen ? new Set() : new Set(rows.map((row) => row.id)))}
                />
              </th>
              <th scope="col">{t('bookings.participants.name')}</th>
              <th scope="col">{t('bookings.participants.email')}</th>
              <th scope="col">{t('bookings.participants.booker')}</th>
              <th scope="col">{t('bookings.participants.attendance')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <input
                    type="checkbox"
                    checked={chosen.has(row.id)}
                    aria-label={t('bookings.participants.choose', { name: row.name })}
                    onChange={() => toggle(row.id)}
                  />
                </td>
                <th scope="row">{row.name}</th>
                <td>{row.email}</td>
                <td>{row.booker}</td>
                <td>
                  {row.attended === null
                    ? t('bookings.manage.notMarked')
                    : row.attended
                      ? t('bookings.participants.present')
                      : t('bookings.manage.absent')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
