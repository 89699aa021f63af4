import type { ConsoleTransport } from './console-notifier';
import type { Channel, Notifier, OutboundNotification } from './notifier';
import { refused } from './refusal';
import type { SmtpTransport } from './smtp-transport';
import type { WebhookTransport } from './webhook-transport';

export interface Transports {
  console: ConsoleTransport;
  /** Absent without SMTP_URL: an e-mail channel then fails visibly instead of going nowhere. */
  smtp?: SmtpTransport;
  webhook: WebhookTransport;
}

/** Sends each notification over the transport its recipient's channel names. */
export function createChannelNotifier(transports: Transports): Notifier {
  return {
    async send(notification: OutboundNotification, channel: Channel): Promise<void> {
      switch (channel.transport) {
        case 'console':
          return transports.console.send(notification);
        case 'smtp':
          if (!transports.smtp) throw refused('an e-mail channel is configured but SMTP_URL is not');
          return transports.smtp.send(notification, channel.email);
        case 'webhook':
          return transports.webhook.send(notification, channel.url, channel.secretName);
      }
    },
  };
}
