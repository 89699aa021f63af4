import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Problem } from '../components.js';
import { when } from '../format.js';
import { Input, Select } from '../fields.js';
import { html } from '../html.js';
import { AdminForm, scrolling, td, th } from './admin-form.js';

/** The parties an LA's cases tell (domain/recipients.ts), besides its schools. */
const PARTIES = [
  ['la_cme_officer', 'LA CME officer'],
  ['la_send_team', 'LA SEND team'],
  ['la_ehe_team', 'LA elective home education team'],
  ['la_health_officer', 'LA health needs (section 19) officer'],
  ['la_manager', 'LA manager'],
  ['childrens_social_care', "Children's social care"],
  ['police', 'Police'],
  ['social_worker_of_child', "The child's social worker"],
  ['yot_worker_of_child', "The child's youth offending team worker"],
];
const TRANSPORTS = [['smtp', 'Email'], ['webhook', 'Webhook (signed)'], ['console', 'Console only (the system log)']];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SECRET_NAME = /^[A-Za-z0-9_-]{1,40}$/;

/** The notification directory: how each party is reached. A party without a channel is told on the console. */
export function Channels({ laCode, schools }) {
  const [channels, setChannels] = useState(null);
  const [error, setError] = useState(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api('/v1/notification-channels').then((answer) => setChannels(answer.channels)).catch((e) => setError(e.message));
  }, [version]);
  const parties = [...PARTIES.map(([kind, text]) => [`${kind}:${laCode}`, text]), ...schools.map((s) => [`school:${s.urn}`, s.name])];
  // Another LA's party (the directory is the whole system's): its words and its code.
  const partyName = (recipient) => {
    const [kind, code] = recipient.split(':');
    return parties.find(([token]) => token === recipient)?.[1] ?? `${kind === 'school' ? 'School' : PARTIES.find(([k]) => k === kind)?.[1] ?? kind} ${code}`;
  };
  const check = (f) => {
    const transport = f.get('transport');
    if (transport === 'smtp' && !EMAIL.test(String(f.get('email')).trim())) return [{ field: 'channelEmail', message: 'Enter an email address, like cme@your-la.gov.uk' }];
    if (transport !== 'webhook') return [];
    return [
      ...(/^https?:\/\/\S+$/.test(String(f.get('url')).trim()) ? [] : [{ field: 'channelUrl', message: 'Enter the webhook address, starting https://' }]),
      ...(SECRET_NAME.test(String(f.get('secretName')).trim()) ? [] : [{ field: 'channelSecret', message: 'Enter the name of its signing secret in WEBHOOK_SECRETS: letters, digits, _ or -' }]),
    ];
  };
  const send = async (f) => {
    const transport = f.get('transport');
    const body = transport === 'smtp' ? { transport, email: String(f.get('email')).trim() }
      : transport === 'webhook' ? { transport, url: String(f.get('url')).trim(), secretName: String(f.get('secretName')).trim() } : { transport };
    await api(`/v1/notification-channels/${encodeURIComponent(f.get('recipient'))}`, { method: 'PUT', body });
    return `${partyName(f.get('recipient'))} saved.`;
  };
  const plain = {
    email: ['channelEmail', 'Enter an email address, like cme@your-la.gov.uk'],
    url: ['channelUrl', 'Enter the webhook address, starting https://'],
    secretName: ['channelSecret', 'Enter the name of its signing secret in WEBHOOK_SECRETS: letters, digits, _ or -'],
  };
  const remove = (recipient) => api(`/v1/notification-channels/${encodeURIComponent(recipient)}`, { method: 'DELETE' }).then(() => setVersion(version + 1)).catch((e) => setError(e.message));
  const reachedBy = (c) => (c.transport === 'smtp' ? `Email to ${c.email}` : c.transport === 'webhook' ? `Webhook ${c.url} (secret ${c.secretName})` : 'Console');
  return html`<section aria-labelledby="admin-channels"><h2 class="govuk-heading-m" id="admin-channels">Notification channels</h2>
    <p class="govuk-body">How each party is told about its cases. A party with no channel is told on the console (the system log) only.</p>
    ${error && html`<${Problem} message=${error} />`}
    ${channels && scrolling('Notification channels', html`<table class="govuk-table">
      <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Party')}${th('Reached by')}${th('Changed')}${th(html`<span class="govuk-visually-hidden">Action</span>`)}</tr></thead>
      <tbody class="govuk-table__body">${channels.length === 0 ? html`<tr class="govuk-table__row">${td('No channels yet: everyone is told on the console.')}${td('')}${td('')}${td('')}</tr>`
        : channels.map((c) => html`<tr class="govuk-table__row">${td(partyName(c.recipient))}${td(reachedBy(c))}${td(when(c.updatedAt))}
          ${td(html`<button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick=${() => remove(c.recipient)}>Remove<span class="govuk-visually-hidden"> the channel of ${partyName(c.recipient)}</span></button>`)}</tr>`)}</tbody></table>`)}
    <${AdminForm} id="admin-channel-form" title="Save a channel" check=${check} send=${send} plain=${plain} onDone=${() => setVersion(version + 1)}>
      ${(err) => html`<${Select} id="recipient" label="Party" options=${parties} />
        <${Select} id="transport" label="Reached by" options=${TRANSPORTS} />
        <${Input} id="channelEmail" name="email" type="email" label="Email address" hint="For email" error=${err('channelEmail')} spellcheck="false" autocomplete="off" />
        <${Input} id="channelUrl" name="url" label="Webhook address" hint="For a webhook: where the signed JSON is posted" error=${err('channelUrl')} spellcheck="false" />
        <${Input} id="channelSecret" name="secretName" label="Signing secret's name" hint="For a webhook: its name in WEBHOOK_SECRETS, never the secret itself" error=${err('channelSecret')} spellcheck="false" />`}
    <//></section>`;
}
