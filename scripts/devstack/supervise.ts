import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from './child-process';

export interface RestartBackoff {
  firstDelayMs: number;
  maxDelayMs: number;
  /** A run that lasted this long counts as healthy: the next crash starts again from the first delay. */
  healthyAfterMs: number;
}

export const defaultBackoff: RestartBackoff = { firstDelayMs: 1000, maxDelayMs: 30000, healthyAfterMs: 60000 };

export interface SupervisedProcess {
  /** The running process's id; undefined while it waits to be restarted. */
  pid(): number | undefined;
  /** Stops it for good: no restart after this. */
  stop(hurry?: AbortSignal): Promise<void>;
}

/**
 * Runs a long-lived process and restarts it whenever it exits without being asked to (a crash, an OOM kill,
 * a stray signal), so that a decision sent meanwhile is answered once it is back rather than never. The delay
 * doubles from the first to the maximum while it keeps failing. Every start and exit is logged with its pid.
 */
export function supervise(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; log: (line: string) => void; backoff?: RestartBackoff },
): SupervisedProcess {
  const backoff = options.backoff ?? defaultBackoff;
  let child: ChildProcess | undefined;
  let restarts = 0;
  let stopped = false;
  let pendingRestart: NodeJS.Timeout | undefined;

  const launch = () => {
    const startedAt = Date.now();
    const current = spawn(command, args, { env: options.env, stdio: 'inherit' });
    child = current;
    options.log(restarts === 0 ? `${name} started (pid ${current.pid})` : `${name} restarted (pid ${current.pid}, attempt ${restarts})`);
    current.once('error', (error) => options.log(`${name}: ${error.message}`));
    current.once('exit', (code, signal) => {
      child = undefined;
      if (stopped) return;
      if (Date.now() - startedAt >= backoff.healthyAfterMs) restarts = 0;
      restarts += 1;
      const delayMs = Math.min(backoff.firstDelayMs * 2 ** (restarts - 1), backoff.maxDelayMs);
      const cause = signal ? `signal ${signal}` : `code ${code}`;
      options.log(`${name} (pid ${current.pid}) exited unexpectedly (${cause}); restart ${restarts} in ${delayMs / 1000} s`);
      pendingRestart = setTimeout(launch, delayMs);
    });
  };
  launch();

  return {
    pid: () => child?.pid,
    stop: (hurry) => {
      stopped = true;
      clearTimeout(pendingRestart);
      return child ? stopChild(child, hurry) : Promise.resolve();
    },
  };
}
