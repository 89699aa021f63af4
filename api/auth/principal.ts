import { z } from 'zod';
import { roles } from '../../domain/actor';
import { isValidLaCode, isValidUrn } from '../../domain/identifiers';
import type { Principal } from '../../domain/principal';

/**
 * The claims our tokens carry beside the registered ones; an identity provider maps its groups onto them.
 * `la` becomes the principal's LA, `schools` the URNs a school user acts for.
 */
export const principalClaims = z
  .object({
    sub: z.string().min(1).max(200),
    role: z.enum(roles),
    name: z.string().max(200).optional(),
    la: z.string().refine(isValidLaCode, 'must be a 3-digit LA code').optional(),
    schools: z.array(z.string().refine(isValidUrn, 'must be a 6-digit URN')).max(200).optional(),
  })
  .refine((claims) => claims.role !== 'school' || (claims.schools?.length ?? 0) > 0, { message: 'a school user needs its schools', path: ['schools'] })
  .refine((claims) => !['la_cme_officer', 'la_send_officer'].includes(claims.role) || claims.la, { message: 'an LA officer needs its LA', path: ['la'] });

export function toPrincipal(claims: z.infer<typeof principalClaims>): Principal {
  return { userId: claims.sub, role: claims.role, name: claims.name, laCode: claims.la, schoolUrns: claims.schools ?? [] };
}

