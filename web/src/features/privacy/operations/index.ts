import type { DataAccessKind, DataAccessSource, ErasureBlocker, UserRole } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';
import type { PageInfo } from '../../../shared/utils/cursorPages';

/** One time someone opened the signed-in person's data. */
export interface DataAccessEvent {
  id: string;
  at: string;
  /** The viewer's name now: ERASED_TEXT when their account was deleted. */
  viewerName: string;
  /** The viewer's roles when they looked. */
  viewerRoles: UserRole[];
  organisationName: string | null;
  kind: DataAccessKind;
  source: DataAccessSource;
}

/** The views log's page size: a few screens of rows; "show more" asks for the next. */
export const ACCESS_LOG_PAGE_SIZE = 20;

/** Who opened the signed-in person's data, newest first. */
export const DataAccessLogQuery = gql<
  { dataAccessLog: { nodes: DataAccessEvent[]; pageInfo: PageInfo } },
  { first: number; after: string | null }
>(
  `query DataAccessLog($first: Int, $after: String) {
    dataAccessLog(first: $first, after: $after) {
      nodes { id at viewerName viewerRoles organisationName kind source }
      pageInfo { hasNextPage endCursor }
    }
  }`,
);

/** How long the views log is kept (the privacy notice's figure, from configuration). */
export const DataAccessLogRetentionQuery = gql<{ legalInfo: { dataAccessLogMonths: number } }, Record<string, never>>(
  `query DataAccessLogRetention { legalInfo { dataAccessLogMonths } }`,
);

export interface ErasureBlockerItem {
  reason: ErasureBlocker;
  organisationId: string;
  organisationName: string;
}

/** What deleting the account will do. */
export interface ErasurePreview {
  blockers: ErasureBlockerItem[];
  bookingsToCancel: number;
  applicationsToWithdraw: number;
  needsToClose: number;
  organisationsToLeave: number;
  messagesToErase: number;
}

export const ErasurePreviewQuery = gql<{ erasurePreview: ErasurePreview }, Record<string, never>>(
  `query ErasurePreview {
    erasurePreview {
      blockers { reason organisationId organisationName }
      bookingsToCancel applicationsToWithdraw needsToClose organisationsToLeave messagesToErase
    }
  }`,
);

export const DeleteAccountMutation = gql<{ deleteAccount: boolean }, { input: { password: string } }>(
  `mutation DeleteAccount($input: DeleteAccountInput!) { deleteAccount(input: $input) }`,
);

/** The signed-in person's data as one JSON file (bearer token; see downloadWithAuth). */
export const DATA_EXPORT_URL = '/api/me/data-export.json';
