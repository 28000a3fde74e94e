import type { UserRole } from '@keskusvaraamo/shared';
import { gql } from 'urql';
import type { SessionUser } from '../../../shared/session';
import type { PageInfo } from '../../../shared/utils/cursorPages';

export type AdminUser = Omit<SessionUser, 'locale'>;

const USER = 'id email displayName roles emailVerified createdAt';

export interface UsersVariables {
  search?: string | null;
  first?: number;
  after?: string | null;
}

export const UsersQuery = gql<
  { users: { nodes: AdminUser[]; pageInfo: PageInfo; totalCount: number } },
  UsersVariables
>(
  `query Users($search: String, $first: Int, $after: String) {
    users(search: $search, first: $first, after: $after) {
      nodes { ${USER} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

export const SetUserRolesMutation = gql<{ setUserRoles: AdminUser }, { userId: string; roles: UserRole[] }>(
  `mutation SetUserRoles($userId: ID!, $roles: [UserRole!]!) { setUserRoles(userId: $userId, roles: $roles) { ${USER} } }`,
);
