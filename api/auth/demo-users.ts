import { demoLa, demoSchools } from '../../config/demo';
import type { DemoUser } from './dev-issuer';

/** One user per role, as the dev login offers them. */
export const demoUsers: DemoUser[] = [
  { sub: 'demo-oak-attendance', role: 'school', name: 'Oak Primary attendance lead', schools: [demoSchools.oak.urn] },
  { sub: 'demo-birch-senco', role: 'school', name: 'Birch Special School SENCo', schools: [demoSchools.birch.urn] },
  { sub: 'demo-ash-attendance', role: 'school', name: 'Ash Academy attendance officer', schools: [demoSchools.ash.urn] },
  { sub: 'demo-cme-officer', role: 'la_cme_officer', name: 'LA CME officer', la: demoLa.code },
  { sub: 'demo-send-officer', role: 'la_send_officer', name: 'LA SEND officer', la: demoLa.code },
  { sub: 'demo-manager', role: 'manager', name: 'Head of inclusion', la: demoLa.code },
  { sub: 'demo-admin', role: 'admin', name: 'System administrator' },
];
