import type { z } from 'zod';

/**
 * The statutory rules as data. Each carries its source and how sure we are of it, as marked in
 * docs/law.md: P primary text, S secondary source, inferred, unverified, local practice.
 */
export type Confidence = 'P' | 'S' | 'inferred' | 'unverified' | 'local';

export type RuleKind = 'trigger' | 'clock' | 'guard' | 'gate' | 'notification' | 'threshold' | 'collection';

export interface Rule {
  id: string;
  kind: RuleKind;
  title: string;
  source: string;
  confidence: Confidence;
}

/**
 * A rule whose value each LA may set: every unverified or local-practice rule, never a constant.
 * The value in force is the LA's, or `defaultValue`.
 */
export interface ConfigurableRule<T> extends Rule {
  setting: { schema: z.ZodType<T>; defaultValue: T; describe: string };
}
