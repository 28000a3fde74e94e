export { AdminUsersPage } from './pages/AdminUsersPage';
export { AuditLogPage } from './pages/AuditLogPage';
