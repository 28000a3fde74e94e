import { notFound } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

/** An ID that is not a UUID cannot name anything: NOT_FOUND, before it reaches SQL. */
export function assertId(id: string, what = 'Not found'): string {
  if (!isUuid(id)) throw notFound(what);
  return id.toLowerCase();
}
