/**
 * Europe/Helsinki wall-clock times: what people type and read. The database keeps instants;
 * these convert at the edges, correctly across daylight saving changes.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

export const ZONE = 'Europe/Helsinki';

/** "2027-03-28T09:00" in Helsinki → the instant. */
export function fromHelsinki(local: string): Date {
  const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, ZONE).getTime());
}

/** The instant → "2027-03-28T09:00" in Helsinki. */
export function toHelsinki(instant: Date): string {
  return format(new TZDate(instant, ZONE), "yyyy-MM-dd'T'HH:mm");
}

/** The Helsinki calendar date of an instant, "2027-03-28". */
export function helsinkiDate(instant: Date): string {
  return format(new TZDate(instant, ZONE), 'yyyy-MM-dd');
}

/** Today's date in Helsinki. */
export const todayInHelsinki = (now: Date = new Date()) => helsinkiDate(now);

/** The first instant after the given Helsinki day: a deadline "on 31.5." holds until then. */
export function endOfHelsinkiDay(date: string): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, mo - 1, d + 1, 0, 0, ZONE).getTime());
}
