/**
 * Whether a booking needs billing details: on a paid session, when the booker books on behalf of
 * an organisation or books more than one seat. A private person booking one seat for themselves
 * pays as the educator instructs, without them. (A module of its own, without zod: a page that
 * only asks this does not load the billing schemas.)
 */
export function billingRequired(priceCents: number, seatsAsked: number, onBehalfOfOrganisation: boolean): boolean {
  return priceCents > 0 && (onBehalfOfOrganisation || seatsAsked > 1);
}
