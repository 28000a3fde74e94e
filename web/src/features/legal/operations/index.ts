import type { FeedbackTopic } from '@keskusvaraamo/shared';
import { gql } from '../../../shared/graphql/document';

/** Who runs the service and how long it keeps what, as configured on the server. */
export interface LegalInfo {
  operatorName: string;
  businessId: string | null;
  address: string;
  email: string;
  phone: string | null;
  privacyEmail: string;
  accessibilityEmail: string;
  /** YYYY-MM-DD */
  accessibilityEvaluatedOn: string;
  applicationRetentionMonths: number;
  participantRetentionMonths: number;
  inactiveAccountMonths: number;
  inactiveAccountNoticeDays: number;
  dataAccessLogMonths: number;
  auditLogMonths: number;
  sentMailDays: number;
}

const LEGAL_INFO_FIELDS = `operatorName businessId address email phone privacyEmail accessibilityEmail
  accessibilityEvaluatedOn applicationRetentionMonths participantRetentionMonths inactiveAccountMonths
  inactiveAccountNoticeDays dataAccessLogMonths auditLogMonths sentMailDays`;

/** Public: the legal pages and the contact page read it. */
export const LegalInfoQuery = gql<{ legalInfo: LegalInfo }, Record<string, never>>(
  `query LegalInfo { legalInfo { ${LEGAL_INFO_FIELDS} } }`,
);

export interface FeedbackInput {
  topic: FeedbackTopic;
  message: string;
  email?: string | null;
  name?: string | null;
  page?: string | null;
}

/** Anyone may send; the server limits it per address and per account (RATE_LIMITED). */
export const SendFeedbackMutation = gql<{ sendFeedback: boolean }, { input: FeedbackInput }>(
  `mutation SendFeedback($input: FeedbackInput!) { sendFeedback(input: $input) }`,
);
