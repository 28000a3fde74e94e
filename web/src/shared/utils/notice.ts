/**
 * One-off messages carried in the router's location state to the next page, e.g. "You have
 * signed out" after the user menu sent the user to the front page.
 */
export const NOTICES = [
  'signedOut',
  'signedOutEverywhere',
  'leftOrganisation',
  'needSaved',
  'needPublished',
  'needNotPublished',
  'needDeleted',
  'offerSaved',
  'offerPublished',
  'offerNotPublished',
  'accountDeleted',
] as const;
export type Notice = (typeof NOTICES)[number];

export function noticeState(notice: Notice): { notice: Notice } {
  return { notice };
}

export function readNotice(state: unknown): Notice | null {
  if (typeof state !== 'object' || state === null || !('notice' in state)) return null;
  const notice = (state as { notice: unknown }).notice;
  return (NOTICES as readonly unknown[]).includes(notice) ? (notice as Notice) : null;
}
