/**
 * What the rooms below the API raise when a request cannot be served; api/errors.ts answers each with its
 * HTTP status. The rooms name the field at fault and why, never a status.
 */

/** Not there, or not the caller's to know of (a case out of scope answers the same, so nothing is disclosed). */
export class NotFound extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

/** The caller's role or scope does not allow this. */
export class Forbidden extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The rules refuse the request, with every condition it failed. */
export class Refused extends Error {
  constructor(readonly reasons: string[]) {
    super(reasons.join('; '));
  }
}

export type InvalidKind = 'invalid_file' | 'malformed_json' | 'too_large' | 'unsupported_media_type' | 'unknown_school';

/**
 * Input that cannot be used as sent: a file not readable (`invalid_file`, `malformed_json`), too large, of a
 * type not read, or naming a school not on the register.
 */
export class Invalid extends Error {
  constructor(
    readonly kind: InvalidKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
