/**
 * The delivery worker: claims due messages from the outbox, renders and sends them, and records
 * the result. Runs in every instance; the lease in `claimDue` keeps instances from sending the
 * same message, and a message whose worker died is tried again when its lease runs out. Without
 * a transport (no SMTP, no development mailbox) nothing is claimed: a message is never marked sent
 * when it could not be sent.
 */
import type { Deps } from '../../deps.js';
import { renderMessage } from './render.js';
import { claimDue, markFailed, markSent } from './outbox.js';
import type { MailTransport } from './transport.js';

export interface DeliveryOptions {
  batchSize?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
}

export async function deliverDue(
  deps: Pick<Deps, 'db' | 'config' | 'log' | 'emailAttachments'>,
  transport: MailTransport | null,
  options: DeliveryOptions = {},
): Promise<{ sent: number; failed: number }> {
  const { batchSize = 20, leaseSeconds = 120, maxAttempts = deps.config.mail.maxAttempts } = options;
  if (!transport) return { sent: 0, failed: 0 };
  const due = await claimDue(deps.db, batchSize, leaseSeconds);
  let sent = 0;
  let failed = 0;
  for (const message of due) {
    let rendered;
    try {
      rendered = await renderMessage(deps, message);
    } catch (error) {
      deps.log.error({ err: error, outboxId: message.id }, 'Rendering an e-mail failed');
      await markFailed(deps.db, message, 'rendering failed', { maxAttempts });
      failed++;
      continue;
    }
    if (!rendered) {
      await markFailed(deps.db, message, 'what the message reports no longer exists', { maxAttempts, permanent: true });
      failed++;
      continue;
    }
    try {
      await transport.send({
        ...rendered,
        from: deps.config.mail.from,
        to: message.toAddress,
        messageId: `<${message.id}@${new URL(deps.config.publicUrl).hostname}>`,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      deps.log.warn(
        // The error, not its raw message: an SMTP refusal names the recipient, which the log leaves out.
        { outboxId: message.id, attempt: message.attempts, err: error },
        'Sending an e-mail failed; it will be retried',
      );
      await markFailed(deps.db, message, reason, { maxAttempts });
      failed++;
      continue;
    }
    await markSent(deps.db, message, { subject: rendered.subject, text: rendered.text, transport: transport.kind });
    sent++;
  }
  return { sent, failed };
}
