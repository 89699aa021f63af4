import { performance } from 'node:perf_hooks';

/**
 * What the benches measure and how they print it. A pair's arms run in alternating rounds (A, B, A, B, …) on
 * the same stack, so a machine that slows down mid-run (it is shared) slows both arms alike; each arm's
 * figures pool its rounds. Benchmarks print figures and their targets; nothing here judges them.
 */
export interface Figures {
  ops: number;
  seconds: number;
  latenciesMs: number[];
  errors: string[];
}

/** The q-quantile of ascending values (nearest rank below), 0 when there are none. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** `clients` concurrent loops, each running `op` back to back until `seconds` have passed. */
export async function drive(clients: number, seconds: number, op: (client: number) => Promise<void>): Promise<Figures> {
  const figures: Figures = { ops: 0, seconds: 0, latenciesMs: [], errors: [] };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const opStarted = performance.now();
        try {
          await op(client);
          figures.latenciesMs.push(performance.now() - opStarted);
          figures.ops += 1;
        } catch (error) {
          figures.errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  figures.seconds = (performance.now() - started) / 1000;
  return figures;
}

/** `count` operations over `clients` concurrent loops (set-up work such as opening cases). */
export async function runBounded(count: number, clients: number, op: (index: number) => Promise<void>, progress?: (done: number) => void): Promise<void> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(clients, count) }, async () => {
      for (let index = next++; index < count; index = next++) {
        await op(index);
        done += 1;
        progress?.(done);
      }
    }),
  );
}

export interface Arm {
  name: string;
  round(): Promise<Figures>;
}

/** Runs the arms' rounds interleaved (A, B, …, A, B, …), `rounds` each, and pools each arm's figures. */
export async function alternate<T extends readonly Arm[]>(arms: T, rounds: number): Promise<{ [K in keyof T]: Figures }> {
  const pooled = arms.map(() => empty());
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, arm] of arms.entries()) {
      const figures = await arm.round();
      const into = pooled[i]!;
      into.ops += figures.ops;
      into.seconds += figures.seconds;
      into.latenciesMs.push(...figures.latenciesMs);
      into.errors.push(...figures.errors);
    }
  }
  return pooled as { [K in keyof T]: Figures };
}

const empty = (): Figures => ({ ops: 0, seconds: 0, latenciesMs: [], errors: [] });

export interface Summary {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarise(figures: Figures): Summary {
  const sorted = [...figures.latenciesMs].sort((a, b) => a - b);
  return { perSecond: figures.seconds > 0 ? figures.ops / figures.seconds : 0, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a').padStart(10);

export function printFigures(label: string, figures: Figures): Summary {
  const s = summarise(figures);
  console.log(`  ${label.padEnd(36)} ${`${s.perSecond.toFixed(1)}/s`.padStart(9)}  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  (${figures.ops} ops in ${figures.seconds.toFixed(1)} s, ${figures.errors.length} errors)`);
  for (const error of [...new Set(figures.errors)].slice(0, 3)) console.log(`    error: ${error}`);
  return s;
}

/** Both arms, then A/B for throughput and each latency percentile, then the targets to read them against. */
export function printPair(title: string, arms: [Arm, Arm], figures: [Figures, Figures], targets: string[]): void {
  console.log(title);
  const a = printFigures(arms[0].name, figures[0]);
  const b = printFigures(arms[1].name, figures[1]);
  printRatio('ratio first / second', a, b);
  for (const target of targets) console.log(`  target: ${target}`);
}

/** a / b for throughput and each latency percentile. */
export function printRatio(label: string, a: Summary, b: Summary): void {
  console.log(`  ${label.padEnd(36)} ${ratio(a.perSecond, b.perSecond)}  p50 ${ratio(a.p50, b.p50)}  p95 ${ratio(a.p95, b.p95)}  p99 ${ratio(a.p99, b.p99)}`);
}

/** A positive integer from the environment, or the default. */
export function sizeFrom(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${variable} must be a positive whole number (got ${raw})`);
  return value;
}
