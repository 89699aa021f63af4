import { execFileSync } from 'node:child_process';

/** Runs a setup command to completion; on failure the error carries the command and its output. */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): string {
  try {
    return execFileSync(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `Command failed: ${command} ${args.join(' ')}\n${failure.stderr ?? ''}${failure.stdout ?? ''}`.trim(),
    );
  }
}

export function commandSucceeds(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
