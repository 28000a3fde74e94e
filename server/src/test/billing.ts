/**
 * Billing details for tests that book more than one seat on a paid session (the factories' sessions
 * cost 120 €), which the server refuses without them (shared's `billingRequired`).
 */
export const TYPED_BILLING = {
  organisationName: 'Laskutettava Oy',
  businessId: '1572860-0',
  invoiceMethod: 'EMAIL',
  invoiceEmail: 'laskut@laskutettava.example.fi',
} as const;

/** The booking input, with `TYPED_BILLING` when it names more than one participant and no billing. */
export function withBilling<T extends Record<string, unknown>>(input: T): T {
  const people = input.participants;
  return Array.isArray(people) && people.length > 1 && !('billing' in input)
    ? { ...input, billing: TYPED_BILLING }
    : input;
}
