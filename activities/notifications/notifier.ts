/** A message to one party about one step of a case, as the workflow asks for it. Opaque ids and codes only. */
export interface NotificationMessage {
  caseId: string;
  recipient: string;
  template: string;
  ruleId?: string;
}

/** What goes out: the message rendered for its recipient (templates.ts), keyed by its outbox row. */
export interface OutboundNotification extends NotificationMessage {
  /** `${caseId}:${step}:${recipient}`: receivers de-duplicate on it (SMTP Message-ID, webhook Idempotency-Key). */
  idempotencyKey: string;
  /** Never carries personal data. */
  subject: string;
  text: string;
  /** The same content as structured data, for webhooks. */
  data: Record<string, unknown>;
}

/** Where a recipient is reached (the `notification_channel` row; console when it has none). */
export type Channel = { transport: 'console' } | { transport: 'smtp'; email: string } | { transport: 'webhook'; url: string; secretName: string };

/**
 * Delivers one notification over its channel. Throws a non-retryable `ApplicationFailure` when the receiver
 * refused it for good (the outbox row becomes `failed`); any other error is retried.
 */
export interface Notifier {
  send(notification: OutboundNotification, channel: Channel): Promise<void>;
}
