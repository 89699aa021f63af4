/**
 * Sector identifiers. UPN: 13 characters, a check letter then LA (3) + establishment (4) + year (2) +
 * serial (3 digits, or 2 digits and a letter for a temporary UPN). Check letter: characters 2–13 weighted
 * 2..13, summed mod 23, mapped through the letter table. Source: UK Government Data Standards Catalogue,
 * "Unique Pupil Number" v2.0 [P] (docs/law.md A4).
 */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
export const UPN_SHAPE = /^[A-Z]\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/;

export function upnCheckLetter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i] as string;
    const value = /\d/.test(char) ? Number(char) : UPN_LETTERS.indexOf(char);
    sum += value * (i + 2);
  }
  return UPN_LETTERS[sum % 23] as string;
}

export function isValidUpn(upn: string): boolean {
  return UPN_SHAPE.test(upn) && upn[0] === upnCheckLetter(upn.slice(1));
}

/** GIAS unique reference number: 6 digits [P] (docs/law.md A4). */
export const URN_SHAPE = /^\d{6}$/;
export function isValidUrn(urn: string): boolean {
  return URN_SHAPE.test(urn);
}

/** Old-style 3-digit LA code, as in LAESTAB and UPNs [P] (docs/law.md A4). */
export const LA_CODE_SHAPE = /^\d{3}$/;
export function isValidLaCode(code: string): boolean {
  return LA_CODE_SHAPE.test(code);
}
