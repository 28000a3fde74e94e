import type { BookingState } from '@keskusvaraamo/shared';

/** What counts against a booker's cap on a session: every booking that holds or waits for seats. */
export const ACTIVE: BookingState[] = ['CONFIRMED', 'OFFERED', 'WAITLISTED'];

export const BOOKINGS_PATH = '/my/bookings';
/** Where an organiser follows a session's bookings. */
export const manageSessionPath = (sessionId: string) => `/sessions/${sessionId}/manage`;
