import type { Logger } from 'pino';
import type { Notifier } from './notifier';

/** The demo transport: writes each notification to the log. SMTP and webhooks come with issue #5. */
export function createConsoleNotifier(logger: Logger): Notifier {
  return {
    transport: 'console',
    async send(message) {
      logger.info({ notification: message }, `notify ${message.recipient}: ${message.template} (case ${message.caseId})`);
    },
  };
}
