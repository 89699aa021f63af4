import { isValidLaCode, isValidUrn } from './identifiers';

/**
 * Who a notification is for: a party token `<kind>:<code>` (`la_cme_officer:938`, `school:100001`), as the
 * case workflow addresses it (workflows/case-run.ts `address`). The kind decides what the party may be told
 * (activities/notifications/templates.ts); the code is an LA code, or a URN for a school.
 */
export const recipientKinds = {
  la_cme_officer: 'la',
  la_send_team: 'la',
  la_ehe_team: 'la',
  la_health_officer: 'la',
  la_manager: 'la',
  la_early_help: 'la',
  la_educational_psychology: 'la',
  la_send_transport: 'la',
  school: 'school',
  childrens_social_care: 'safeguarding',
  /** Health services owning a support plan action: told the reference and whom to contact, as a child's worker is. */
  health_services: 'child_worker',
  police: 'safeguarding',
  social_worker_of_child: 'child_worker',
  yot_worker_of_child: 'child_worker',
} as const;

export type RecipientKind = keyof typeof recipientKinds;
export type RecipientService = (typeof recipientKinds)[RecipientKind];

export interface Recipient {
  kind: RecipientKind;
  service: RecipientService;
  /** The LA code, or the school's URN. */
  code: string;
}

export function parseRecipient(token: string): Recipient | undefined {
  const [kind, code, ...rest] = token.split(':');
  if (rest.length > 0 || !kind || code === undefined || !Object.hasOwn(recipientKinds, kind)) return undefined;
  const service = recipientKinds[kind as RecipientKind];
  const valid = service === 'school' ? isValidUrn(code) : isValidLaCode(code);
  return valid ? { kind: kind as RecipientKind, service, code } : undefined;
}
