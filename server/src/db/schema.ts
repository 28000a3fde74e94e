/** Every table, for drizzle-kit and for typed queries. Each module owns its own tables. */
export * from '../modules/accounts/tables.js';
export * from '../modules/applications/tables.js';
export * from '../modules/bookings/tables.js';
export * from '../modules/conversations/tables.js';
export * from '../modules/messaging/tables.js';
export * from '../modules/needs/tables.js';
export * from '../modules/offers/tables.js';
export * from '../modules/organisations/tables.js';
export * from '../modules/profiles/tables.js';
export * from '../modules/search/tables.js';
export * from '../modules/savedSearches/tables.js';
export * from '../modules/proposals/tables.js';
/** Shared by every module that rate-limits (lib/rateLimit.ts). */
export { rateLimitCounters } from '../lib/rateLimit.js';
export * from '../modules/reports/tables.js';
export * from '../modules/audit/tables.js';
