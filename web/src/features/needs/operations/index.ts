import type {
  Locale,
  NeedData,
  NeedKind,
  NeedState,
  OrganisationKind,
  PayKind,
  StudyLevel,
} from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';

/** A need as its detail page and its form need it. */
export interface Need {
  id: string;
  kind: NeedKind;
  state: NeedState;
  title: string;
  description: string;
  language: Locale;
  topics: string[];
  municipalityCode: string | null;
  remote: boolean;
  periodStart: string;
  periodEnd: string;
  positions: number;
  payKind: PayKind | null;
  payAmountCents: number | null;
  budgetCents: number | null;
  thesisLevel: StudyLevel | null;
  languages: Locale[];
  applicationDeadline: string | null;
  organisation: { id: string; name: string } | null;
  canEdit: boolean;
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NeedSummary = Pick<
  Need,
  | 'id'
  | 'kind'
  | 'state'
  | 'title'
  | 'periodStart'
  | 'periodEnd'
  | 'municipalityCode'
  | 'remote'
  | 'applicationDeadline'
  | 'organisation'
  | 'updatedAt'
> & {
  /** Applications received; null where the viewer may not see them. */
  applicationCount: number | null;
};

/** The shared needSchema's output is exactly the API's NeedInput. */
export type NeedInput = NeedData;

const NEED = `id kind state title description language topics municipalityCode remote periodStart periodEnd positions
  payKind payAmountCents budgetCents thesisLevel languages applicationDeadline organisation { id name } canEdit
  publishedAt closedAt createdAt updatedAt`;
const SUMMARY = `id kind state title periodStart periodEnd municipalityCode remote applicationDeadline organisation { id name } updatedAt
  applicationCount`;

export const NeedQuery = gql<{ need: Need | null }, { id: string }>(
  `query Need($id: ID!) { need(id: $id) { ${NEED} } }`,
);

export const MyNeedsQuery = gql<
  { myNeeds: { nodes: NeedSummary[]; pageInfo: PageInfo; totalCount: number } },
  { state?: NeedState | null; first?: number; after?: string | null }
>(
  `query MyNeeds($state: NeedState, $first: Int, $after: String) {
    myNeeds(state: $state, first: $first, after: $after) {
      nodes { ${SUMMARY} }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }`,
);

/** The companies the user may post for: their COMPANY memberships. */
export const MyCompaniesQuery = gql<
  {
    me: {
      id: string;
      memberships: { organisation: { id: string; name: string; kind: OrganisationKind } }[];
    } | null;
  },
  Record<string, never>
>(`query MyCompanies { me { id memberships { organisation { id name kind } } } }`);

export const CreateNeedMutation = gql<{ createNeed: Need }, { input: NeedInput }>(
  `mutation CreateNeed($input: NeedInput!) { createNeed(input: $input) { ${NEED} } }`,
);

export const UpdateNeedMutation = gql<{ updateNeed: Need }, { id: string; input: NeedInput }>(
  `mutation UpdateNeed($id: ID!, $input: NeedInput!) { updateNeed(id: $id, input: $input) { ${NEED} } }`,
);

export const PublishNeedMutation = gql<{ publishNeed: Need }, { id: string }>(
  `mutation PublishNeed($id: ID!) { publishNeed(id: $id) { ${NEED} } }`,
);

export const CloseNeedMutation = gql<{ closeNeed: Need }, { id: string }>(
  `mutation CloseNeed($id: ID!) { closeNeed(id: $id) { ${NEED} } }`,
);

export const DeleteNeedMutation = gql<{ deleteNeed: boolean }, { id: string }>(
  `mutation DeleteNeed($id: ID!) { deleteNeed(id: $id) }`,
);
