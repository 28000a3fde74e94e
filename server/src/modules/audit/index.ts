/**
 * Audit: the two logs of who did what to people's data. `audit_events` keeps coordinators' and
 * admins' actions on people and organisations; `data_access_events` keeps every time staff (or a
 * company, from matching) opened a student's personal data. Audit imports no module, so that every
 * module can record into it; reading the logs with people's names is privacy's (the top module).
 */
export { recordAudit, recordDataAccess, type AuditEntry, type DataAccess } from './record.js';
export { deleteExpiredLogRows } from './cleanup.js';
