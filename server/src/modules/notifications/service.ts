import type { Database } from '../../db/client.js';
import { notifications } from './tables.js';

export const NOTIFICATION_TYPES = [
  'BOOKING_CONFIRMED',
  'BOOKING_WAITLISTED',
  'BOOKING_OFFERED',
  'BOOKING_PROMOTED',
  'BOOKING_CANCELLED',
  'BOOKING_CLAIM_EXPIRED',
  'SESSION_CANCELLED',
  'BOOKING_RECEIVED',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export interface NewNotification {
  userId: string;
  type: NotificationType;
  data: Record<string, unknown>;
}

/** Records notifications; call inside the transaction of the change they report. */
export async function notify(db: Database, list: NewNotification[]): Promise<void> {
  if (list.length) await db.insert(notifications).values(list);
}
