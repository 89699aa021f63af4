/** A webhook channel names its secret; the name is what the API and the database see. */
export const webhookSecretName = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * WEBHOOK_SECRETS=name:secret,… → name → secret. Secrets of at least 32 characters (e.g. `openssl rand -hex
 * 32`); errors name the entry's position or name, never a secret.
 */
export function parseWebhookSecrets(spec: string | undefined): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const [index, entry] of (spec ?? '').split(',').filter((e) => e.trim() !== '').entries()) {
    const separator = entry.indexOf(':');
    const name = entry.slice(0, separator).trim();
    const secret = entry.slice(separator + 1).trim();
    if (separator < 0 || !webhookSecretName.test(name)) throw new Error(`entry ${index + 1} must be name:secret with a name of letters, digits, _ or -`);
    if (secret.length < 32) throw new Error(`the secret named ${name} must have at least 32 characters`);
    if (secrets.has(name)) throw new Error(`the name ${name} is given twice`);
    secrets.set(name, secret);
  }
  return secrets;
}
