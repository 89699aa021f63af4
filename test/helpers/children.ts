import { upnCheckLetter } from '../../domain/identifiers';

/** A child with distinctive details, so a test can search Temporal's history, logs or messages for them. */
export const zephyrine = {
  givenName: 'Zephyrine',
  familyName: 'Quillfeather',
  dateOfBirth: '2015-03-09',
  address: '12 Juniper Wharf, Bracknell',
  parents: [{ name: 'Orla Quillfeather', relationship: 'mother', phone: '07700 900123' }],
  emergencyPhones: ['01344 000111'],
};

/** Strings of `zephyrine` that must appear only where personal data may. */
export const zephyrineIdentifying = [zephyrine.givenName, zephyrine.familyName, 'Juniper Wharf', 'Orla', '07700 900123'];

/** A valid UPN per serial under an 8-character prefix (LA + establishment + year), for bursts of cases. */
export function serialUpn(prefix: string, serial: number): string {
  const body = `${prefix}${String(serial).padStart(4, '0')}`;
  return `${upnCheckLetter(body)}${body}`;
}
