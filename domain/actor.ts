/** Who acts on a case. Ids are opaque user ids from the identity provider, never names. */
export const roles = ['school', 'la_cme_officer', 'la_send_officer', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  role: Role;
  userId: string;
  /** For the school role: the school the user acts for. */
  schoolUrn?: string;
}

export function describeActor(actor: Actor): string {
  return actor.role === 'school' ? `school:${actor.schoolUrn}:${actor.userId}` : `${actor.role}:${actor.userId}`;
}
