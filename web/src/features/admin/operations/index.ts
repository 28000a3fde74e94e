import type { AuditAction, AuditSubjectKind, ErasureBlocker, UserRole, UserStatus } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { SessionUser } from '../../../shared/session';
import type { PageInfo } from '../../../shared/utils/cursorPages';

export type AdminUser = Omit<SessionUser, 'locale'> & {
  lastActiveAt: string;
  deactivatedAt: string | null;
  deactivationReason: string | null;
  anonymised: boolean;
};

const USER =
  'id email displayName roles emailVerified createdAt lastActiveAt deactivatedAt deactivationReason anonymised';

export interface UsersVariables {
  search?: string | null;
  status?: UserStatus | null;
  role?: UserRole | null;
  first?: number;
  after?: string | null;
}

export const UsersQuery = gql<
  { users: { nodes: AdminUser[]; pageInfo: PageInfo; totalCount: number } },
  UsersVariables
>(
  `query Users($search: String, $status: UserStatus, $role: UserRole, $first: Int, $after: String) {
    users(search: $search, status: $status, role: $role, first: $first, after: $after) {
      nodes { ${USER} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

export const SetUserRolesMutation = gql<{ setUserRoles: AdminUser }, { userId: string; roles: UserRole[] }>(
  `mutation SetUserRoles($userId: ID!, $roles: [UserRole!]!) { setUserRoles(userId: $userId, roles: $roles) { ${USER} } }`,
);

export const DeactivateUserMutation = gql<{ deactivateUser: AdminUser }, { input: { userId: string; reason: string } }>(
  `mutation DeactivateUser($input: DeactivateUserInput!) { deactivateUser(input: $input) { ${USER} } }`,
);

export const ReactivateUserMutation = gql<{ reactivateUser: AdminUser }, { userId: string }>(
  `mutation ReactivateUser($userId: ID!) { reactivateUser(userId: $userId) { ${USER} } }`,
);

export interface ErasurePreview {
  blockers: { reason: ErasureBlocker; organisationId: string; organisationName: string }[];
  bookingsToCancel: number;
  applicationsToWithdraw: number;
  needsToClose: number;
  organisationsToLeave: number;
  messagesToErase: number;
}

export const ErasurePreviewQuery = gql<{ erasurePreview: ErasurePreview }, { userId: string }>(
  `query AdminErasurePreview($userId: ID!) {
    erasurePreview(userId: $userId) {
      blockers { reason organisationId organisationName }
      bookingsToCancel applicationsToWithdraw needsToClose organisationsToLeave messagesToErase
    }
  }`,
);

export const EraseUserMutation = gql<{ eraseUser: boolean }, { input: { userId: string; reason: string } }>(
  `mutation EraseUser($input: EraseUserInput!) { eraseUser(input: $input) }`,
);

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: UserRole[];
  action: AuditAction;
  subjectKind: AuditSubjectKind;
  subjectId: string;
  subjectName: string | null;
  reason: string | null;
  rolesBefore: UserRole[] | null;
  rolesAfter: UserRole[] | null;
}

export const AuditLogQuery = gql<
  { auditLog: { nodes: AuditEvent[]; pageInfo: PageInfo } },
  { action?: AuditAction | null; subjectId?: string | null; first?: number; after?: string | null }
>(
  `query AuditLog($action: AuditAction, $subjectId: ID, $first: Int, $after: String) {
    auditLog(action: $action, subjectId: $subjectId, first: $first, after: $after) {
      nodes { id at actorId actorName actorRoles action subjectKind subjectId subjectName reason rolesBefore rolesAfter }
      pageInfo { hasNextPage endCursor }
    }
  }`,
);
