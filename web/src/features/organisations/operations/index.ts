import type { MembershipRole, Organisation, OrganisationKind } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';

/** An organisation's public card, with the viewer's own role in it. */
export interface OrganisationSummary {
  id: string;
  name: string;
  kind: OrganisationKind;
  businessId: string | null;
  municipalityCode: string | null;
  website: string | null;
  description: string | null;
  verified: boolean;
  verifiedAt: string | null;
  createdAt: string;
  myRole: MembershipRole | null;
}

export interface Member {
  userId: string;
  displayName: string;
  email: string;
  role: MembershipRole;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: MembershipRole;
  expiresAt: string;
  createdAt: string;
}

export interface OrganisationDetails extends OrganisationSummary {
  /** Null when the viewer may not see the members (not a member nor a coordinator). */
  members: Member[] | null;
  /** Null when the viewer may not see open invitations (not an owner nor a coordinator). */
  invitations: Invitation[] | null;
}

export interface MembershipItem {
  role: MembershipRole;
  joinedAt: string;
  organisation: Pick<OrganisationSummary, 'id' | 'name' | 'kind' | 'verified' | 'municipalityCode'>;
}

export interface InvitationPreview {
  organisationName: string;
  email: string;
  role: MembershipRole;
  expired: boolean;
  accepted: boolean;
}

const SUMMARY = 'id name kind businessId municipalityCode website description verified verifiedAt createdAt myRole';
const MEMBER = 'userId displayName email role joinedAt';
const INVITATION = 'id email role expiresAt createdAt';

export const MyMembershipsQuery = gql<
  { me: { id: string; memberships: MembershipItem[] } | null },
  Record<string, never>
>(
  `query MyMemberships { me { id memberships { role joinedAt organisation { id name kind verified municipalityCode } } } }`,
);

export const OrganisationQuery = gql<{ organisation: OrganisationDetails | null }, { id: string }>(
  `query Organisation($id: ID!) { organisation(id: $id) { ${SUMMARY} members { ${MEMBER} } invitations { ${INVITATION} } } }`,
);

export interface OrganisationsFilter {
  kind?: OrganisationKind | null;
  verified?: boolean | null;
  search?: string | null;
  first?: number;
  after?: string | null;
}

export const OrganisationsQuery = gql<
  { organisations: { nodes: OrganisationSummary[]; pageInfo: PageInfo; totalCount: number } },
  OrganisationsFilter
>(
  `query Organisations($kind: OrganisationKind, $verified: Boolean, $search: String, $first: Int, $after: String) {
    organisations(kind: $kind, verified: $verified, search: $search, first: $first, after: $after) {
      nodes { ${SUMMARY} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

export const InvitationPreviewQuery = gql<{ invitation: InvitationPreview | null }, { token: string }>(
  `query InvitationPreview($token: String!) { invitation(token: $token) { organisationName email role expired accepted } }`,
);

/** The form's parsed output is exactly the API's OrganisationInput. */
export type OrganisationInput = Organisation;

export const CreateOrganisationMutation = gql<
  { createOrganisation: OrganisationSummary },
  { input: OrganisationInput }
>(`mutation CreateOrganisation($input: OrganisationInput!) { createOrganisation(input: $input) { ${SUMMARY} } }`);

export const UpdateOrganisationMutation = gql<
  { updateOrganisation: OrganisationSummary },
  { id: string; input: OrganisationInput }
>(
  `mutation UpdateOrganisation($id: ID!, $input: OrganisationInput!) { updateOrganisation(id: $id, input: $input) { ${SUMMARY} } }`,
);

export const InviteMemberMutation = gql<
  { inviteMember: Invitation },
  { organisationId: string; input: { email: string; role: MembershipRole } }
>(
  `mutation InviteMember($organisationId: ID!, $input: InviteMemberInput!) { inviteMember(organisationId: $organisationId, input: $input) { ${INVITATION} } }`,
);

export const RevokeInvitationMutation = gql<{ revokeInvitation: boolean }, { id: string }>(
  `mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) }`,
);

export const AcceptInvitationMutation = gql<
  { acceptInvitation: { role: MembershipRole; organisation: { id: string; name: string } } },
  { token: string }
>(
  `mutation AcceptInvitation($token: String!) { acceptInvitation(token: $token) { role joinedAt organisation { id name } } }`,
);

export const ChangeMemberRoleMutation = gql<
  { changeMemberRole: Member },
  { organisationId: string; userId: string; role: MembershipRole }
>(
  `mutation ChangeMemberRole($organisationId: ID!, $userId: ID!, $role: MembershipRole!) { changeMemberRole(organisationId: $organisationId, userId: $userId, role: $role) { ${MEMBER} } }`,
);

export const RemoveMemberMutation = gql<{ removeMember: boolean }, { organisationId: string; userId: string }>(
  `mutation RemoveMember($organisationId: ID!, $userId: ID!) { removeMember(organisationId: $organisationId, userId: $userId) }`,
);

export const VerifyOrganisationMutation = gql<
  { verifyOrganisation: OrganisationSummary },
  { id: string; verified: boolean }
>(
  `mutation VerifyOrganisation($id: ID!, $verified: Boolean!) { verifyOrganisation(id: $id, verified: $verified) { ${SUMMARY} } }`,
);
