import type { z } from 'zod';

/** A rejected row of an upload: where it was, which field, and why. Never echoes the value (it may be personal data). */
export interface RowError {
  line: number;
  field: string;
  message: string;
}

/** Keeps every count but only the first errors, so a wholly wrong file cannot make an unbounded response. */
export class RowErrors {
  static readonly kept = 1000;
  readonly list: RowError[] = [];
  count = 0;

  add(error: RowError): void {
    this.count += 1;
    if (this.list.length < RowErrors.kept) this.list.push(error);
  }

  /** Checks one record against its schema; returns the parsed row, or records the first failing field. */
  check<T extends z.ZodType>(schema: T, line: number, record: unknown): z.infer<T> | undefined {
    // A value left out (an empty CSV cell, a missing JSON key) reads "is required", unless the schema says more.
    const parsed = schema.safeParse(record, { error: (issue) => (issue.input === undefined ? 'is required' : undefined) });
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : (issue?.path.join('.') ?? 'row');
    this.add({ line, field: field || 'row', message: issue?.code === 'unrecognized_keys' ? 'unknown field' : (issue?.message ?? 'invalid') });
    return undefined;
  }

  report() {
    return { count: this.count, rows: [...this.list].sort((a, b) => a.line - b.line), ...(this.count > this.list.length ? { truncated: true } : {}) };
  }
}
