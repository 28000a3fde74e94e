/** Every table, for drizzle-kit and for typed queries. Each module owns its own tables. */
export * from '../modules/accounts/tables.js';
export * from '../modules/mail/tables.js';
export * from '../modules/organisations/tables.js';
