import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { OutboundNotification } from './notifier';
import { refused } from './refusal';

/** The fields nodemailer sets on its errors (its NodemailerError, not exported from the package root). */
interface SmtpError {
  code?: string;
  responseCode?: number;
  /** true for a permanent rejection (5xx but 503), as nodemailer classifies the reply. */
  permanent?: boolean;
}

export interface SmtpConfig {
  /** `smtp://user:pass@host:587` or `smtps://…` (SMTP_URL). */
  url: string;
  /** The sender address (SMTP_FROM). */
  from: string;
}

/**
 * The Message-ID of a notification: derived from its outbox key, so a resend after a crash carries the same
 * id and the receiving mail system (or a person's client) can recognise it as the same message.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = from.match(/@([^\s>]+)/)?.[1] ?? 'cme-case-engine.invalid';
  return `<${crypto.createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
}

/** E-mail through one SMTP relay. Timeouts keep each send well inside the notify activity's 30 s. */
export function createSmtpTransport(config: SmtpConfig) {
  const transporter = nodemailer.createTransport({ url: config.url, connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 15000 });
  return {
    async send(notification: OutboundNotification, to: string): Promise<void> {
      try {
        await transporter.sendMail({
          from: config.from,
          to,
          subject: notification.subject,
          text: notification.text,
          messageId: messageIdFor(notification.idempotencyKey, config.from),
        });
      } catch (error) {
        const { code, responseCode, permanent } = error as SmtpError;
        // Codes only: the server's own reply text may echo an address.
        const reason = `smtp ${responseCode ?? code ?? 'error'}`;
        throw permanent ? refused(`${reason}: refused by the mail server`) : new Error(reason);
      }
    },
    close: () => transporter.close(),
  };
}

export type SmtpTransport = ReturnType<typeof createSmtpTransport>;
