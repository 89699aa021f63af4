import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';

const historiesDir = path.join(__dirname, '..', 'histories');
const histories = fs.readdirSync(historiesDir).filter((file) => file.endsWith('.json'));

// Running cases must survive a deploy: today's workflow code replays every committed history without a
// non-determinism error. A change that would break them goes behind patched().
describe('replay of committed case histories', () => {
  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('replays %s', async (file) => {
    const history = JSON.parse(fs.readFileSync(path.join(historiesDir, file), 'utf8'));
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, history, file);
  });

  it('fails a deliberately non-deterministic change (a timer added without patched())', async () => {
    const [file] = histories;
    const history = JSON.parse(fs.readFileSync(path.join(historiesDir, file!), 'utf8'));
    await expect(Worker.runReplayHistory({ workflowsPath: require.resolve('../fixtures/drifted-workflows') }, history, file)).rejects.toMatchObject({
      name: 'DeterminismViolationError',
    });
  });
});
