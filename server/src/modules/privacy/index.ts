/**
 * Privacy: a person's rights over their data, and the rules that keep it from being held too long.
 * Download my data (export), delete my account and an admin's erasure on request (erasure), the
 * log of who opened a student's data and the audit log as people read them (accessLog, auditLog),
 * the retention jobs, and the legal pages' facts and feedback (legal). Privacy is the top module:
 * it asks every module that holds personal data to export or anonymise its own rows, and no module
 * imports it.
 */
export { default as privacyGraphql } from './resolvers.js';
export { default as dataExportRoute } from './exportRoute.js';
export { eraseAccount, type EraseOptions, type ErasureAction } from './erasure.js';
export { runRetention, type RetentionCounts } from './retention.js';
