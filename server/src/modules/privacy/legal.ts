/**
 * The legal pages' facts (who runs the service, how long it keeps what) and the feedback channel
 * that the accessibility statement and the privacy notice point to. Anyone may send feedback,
 * signed in or not; it is limited per client address and per signed-in account, and goes to the
 * operator's address for its topic through messaging's outbox. Nothing of the message is logged.
 */
import { feedbackSchema, LOCALES, type FeedbackTopic, type Locale } from '@keskusvaraamo/shared';
import type { Config } from '../../config.js';
import type { Deps } from '../../deps.js';
import { AppError, parseInput } from '../../errors.js';
import { hit } from '../../lib/rateLimit.js';
import type { Viewer } from '../../lib/viewer.js';
import { enqueueEmail } from '../messaging/index.js';

/** Feedback messages per hour from one client address, and from one signed-in account. */
export const FEEDBACK_LIMIT_PER_HOUR = 5;
const HOUR = 3600;

/** What the legal pages show (the schema's LegalInfo). */
export function legalInfo(config: Pick<Config, 'operator' | 'retention'>) {
  const { operator, retention } = config;
  return {
    operatorName: operator.name,
    businessId: operator.businessId,
    address: operator.address,
    email: operator.email,
    phone: operator.phone,
    privacyEmail: operator.privacyEmail,
    accessibilityEmail: operator.accessibilityEmail,
    accessibilityEvaluatedOn: operator.accessibilityEvaluatedOn,
    applicationRetentionMonths: retention.applicationMonths,
    participantRetentionMonths: retention.participantMonths,
    inactiveAccountMonths: retention.inactiveAccountMonths,
    inactiveAccountNoticeDays: retention.inactiveAccountNoticeDays,
    dataAccessLogMonths: retention.dataAccessLogMonths,
    auditLogMonths: retention.auditLogMonths,
    sentMailDays: retention.sentMailDays,
  };
}

/** Where feedback on each topic goes. */
export function feedbackRecipient(operator: Config['operator'], topic: FeedbackTopic): string {
  if (topic === 'ACCESSIBILITY') return operator.accessibilityEmail;
  if (topic === 'PRIVACY') return operator.privacyEmail;
  return operator.email;
}

/** The first of our languages in an Accept-Language header (the web app sends the one in use). */
export function senderLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  for (const part of header.slice(0, 200).split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    if (params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p))) continue;
    const language = tag.trim().toLowerCase().split('-')[0] ?? '';
    if ((LOCALES as readonly string[]).includes(language)) return language as Locale;
  }
  return null;
}

export interface FeedbackClient {
  /** The client's address, as Fastify resolved it (TRUST_PROXY). */
  ip: string;
  acceptLanguage?: string;
}

const limited = (retryAfterSeconds: number) =>
  new AppError('RATE_LIMITED', 'Too much feedback from here; try again later', { retryAfterSeconds });

/**
 * Queues the feedback to the operator's address for its topic. Throws VALIDATION (with the fields)
 * for bad input, RATE_LIMITED past the hourly limit of the address or the signed-in account.
 */
export async function sendFeedback(
  deps: Pick<Deps, 'db' | 'config'>,
  viewer: Viewer | null,
  client: FeedbackClient,
  input: unknown,
): Promise<boolean> {
  const feedback = parseInput(feedbackSchema, input);
  const byAddress = await hit(deps.db, `feedback:address:${client.ip}`, HOUR, FEEDBACK_LIMIT_PER_HOUR);
  if (!byAddress.allowed) throw limited(byAddress.retryAfterSeconds);
  if (viewer) {
    const byAccount = await hit(deps.db, `feedback:account:${viewer.id}`, HOUR, FEEDBACK_LIMIT_PER_HOUR);
    if (!byAccount.allowed) throw limited(byAccount.retryAfterSeconds);
  }
  await enqueueEmail(deps.db, {
    to: feedbackRecipient(deps.config.operator, feedback.topic),
    // The operator's copy: in Finnish, the service's language, with the sender's noted.
    locale: 'fi',
    template: 'feedback',
    params: {
      topic: feedback.topic,
      message: feedback.message,
      name: feedback.name,
      email: feedback.email,
      page: feedback.page,
      senderLocale: senderLocale(client.acceptLanguage) ?? viewer?.locale ?? null,
      signedIn: viewer !== null,
    },
  });
  return true;
}
