import type { ChildProcess } from 'node:child_process';

/**
 * SIGTERM, then SIGKILL after a grace period or at once when `hurry` fires (a second Ctrl-C); resolves once
 * the process has exited.
 */
export function stopChild(child: ChildProcess, hurry?: AbortSignal, graceMs = 10000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = () => child.kill('SIGKILL');
    const killer = setTimeout(kill, graceMs);
    hurry?.addEventListener('abort', kill, { once: true });
    child.once('exit', () => {
      clearTimeout(killer);
      hurry?.removeEventListener('abort', kill);
      resolve();
    });
    if (hurry?.aborted) kill();
    else child.kill('SIGTERM');
  });
}
