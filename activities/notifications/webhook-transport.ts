import crypto from 'node:crypto';
import type { OutboundNotification } from './notifier';
import { refused } from './refusal';

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 over "<t>.<body>">`. */
export const signatureHeader = 'cme-signature';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  const signature = crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/** Statuses worth another attempt: a timeout, a rate limit, the receiver's own failure. Other 4xx are final. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * HMAC-signed JSON webhooks. The secret is named by the channel and looked up in WEBHOOK_SECRETS, so it is
 * never in the database; the `Idempotency-Key` header is the outbox key, so a receiver de-duplicates a resend.
 * Retries are the notify activity's own (Temporal, with backoff); a final refusal is a non-retryable failure.
 */
export function createWebhookTransport(secrets: ReadonlyMap<string, string>, timeoutMs = 10_000) {
  return {
    async send(notification: OutboundNotification, url: string, secretName: string): Promise<void> {
      const secret = secrets.get(secretName);
      if (!secret) throw refused(`webhook secret ${secretName} is not configured in WEBHOOK_SECRETS`);
      const { idempotencyKey, caseId, recipient, template, ruleId, subject, data } = notification;
      const body = JSON.stringify({ idempotencyKey, caseId, recipient, template, ...(ruleId ? { ruleId } : {}), subject, data });
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': idempotencyKey,
            [signatureHeader]: signWebhook(secret, Math.floor(Date.now() / 1000), body),
          },
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        throw new Error(`webhook unreachable: ${cause}`);
      }
      await response.body?.cancel();
      if (response.ok) return;
      const reason = `webhook answered ${response.status}`;
      throw retryable(response.status) ? new Error(reason) : refused(reason);
    },
  };
}

export type WebhookTransport = ReturnType<typeof createWebhookTransport>;
