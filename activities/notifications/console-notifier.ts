import type { Logger } from 'pino';
import type { OutboundNotification } from './notifier';

/**
 * The demo transport, and the fallback for a recipient without a channel: writes each notification to the
 * log. Only its key, codes and subject: the text may hold a deletion return's personal data.
 */
export function createConsoleTransport(logger: Logger) {
  return {
    async send({ idempotencyKey, caseId, recipient, template, ruleId, subject }: OutboundNotification): Promise<void> {
      logger.info({ notification: { idempotencyKey, caseId, recipient, template, ruleId } }, `notify ${recipient}: ${subject}`);
    },
  };
}

export type ConsoleTransport = ReturnType<typeof createConsoleTransport>;
