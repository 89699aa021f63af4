import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { supervise } from '../../scripts/devstack/supervise';

/**
 * Issue #11 item 8: the supervisor's backoff on real processes, on a fast clock (50 ms doubling, at most 150 ms; a
 * run of 400 ms counts as healthy). The process counts its runs in a file; its fourth run lasts 600 ms.
 */
describe('supervise: restart with backoff (real processes)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-supervise-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const waitFor = async (condition: () => boolean) => {
    for (const deadline = Date.now() + 30_000; !condition(); ) {
      if (Date.now() > deadline) throw new Error('not within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('doubles the delay up to its maximum, starts again from the first after a healthy run, and stops for good', async () => {
    const runs = path.join(dir, 'runs');
    const script = `const fs = require('fs'); const run = (Number(fs.existsSync('${runs}') ? fs.readFileSync('${runs}', 'utf8') : 0)) + 1;
      fs.writeFileSync('${runs}', String(run)); setTimeout(() => process.exit(run === 5 ? 0 : 3), run === 4 ? 2000 : run >= 7 ? 60_000 : 0);`;
    const lines: string[] = [];
    const service = supervise('flaky', process.execPath, ['-e', script], {
      env: process.env,
      log: (line) => lines.push(line),
      backoff: { firstDelayMs: 50, maxDelayMs: 150, healthyAfterMs: 1500 },
    });
    await waitFor(() => lines.some((line) => line.startsWith('flaky restarted') && line.endsWith('attempt 3)')) && lines.length >= 13 && fs.readFileSync(runs, 'utf8') === '7');
    const pid = service.pid();
    expect(pid).toBeDefined();
    await service.stop();

    const pids = lines.map((line) => /pid (\d+)/.exec(line)?.[1]);
    expect(lines.map((line) => line.replace(/pid \d+/, 'pid N'))).toEqual([
      'flaky started (pid N)',
      'flaky (pid N) exited unexpectedly (code 3); restart 1 in 0.05 s',
      'flaky restarted (pid N, attempt 1)',
      'flaky (pid N) exited unexpectedly (code 3); restart 2 in 0.1 s',
      'flaky restarted (pid N, attempt 2)',
      'flaky (pid N) exited unexpectedly (code 3); restart 3 in 0.15 s',
      'flaky restarted (pid N, attempt 3)',
      // the fourth run lasted past healthyAfterMs: back to the first delay
      'flaky (pid N) exited unexpectedly (code 3); restart 1 in 0.05 s',
      'flaky restarted (pid N, attempt 1)',
      // a clean exit is unexpected too: only stop() ends it
      'flaky (pid N) exited unexpectedly (code 0); restart 2 in 0.1 s',
      'flaky restarted (pid N, attempt 2)',
      'flaky (pid N) exited unexpectedly (code 3); restart 3 in 0.15 s',
      'flaky restarted (pid N, attempt 3)',
    ]);
    expect(pids.at(-1)).toBe(String(pid));
    // stop() ended the seventh run (it would have lived a minute) and nothing started after it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lines).toHaveLength(13);
    expect(fs.readFileSync(runs, 'utf8')).toBe('7');
    expect(() => process.kill(pid!, 0)).toThrow();
    expect(service.pid()).toBeUndefined();
  });

  it('a stop while a restart is pending cancels it', async () => {
    const lines: string[] = [];
    const service = supervise('crashing', process.execPath, ['-e', 'process.exit(1)'], {
      env: process.env,
      log: (line) => lines.push(line),
      backoff: { firstDelayMs: 300, maxDelayMs: 300, healthyAfterMs: 60_000 },
    });
    await waitFor(() => lines.length === 2);
    expect(service.pid()).toBeUndefined();
    await service.stop();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(lines).toEqual([expect.stringMatching(/^crashing started/), expect.stringMatching(/restart 1 in 0.3 s$/)]);
  });
});
