import { runLoad, type LoadReport } from '../../bench/load';
import { serialUpn } from '../helpers/children';
import { startProductionShape, temporalCluster, temporalDevServer, type TemporalStarter } from '../helpers/production-shape';

/**
 * Issue #17, a bench pair in one run: the same processes of ours (one API, two case workers) on `npm start`'s
 * Temporal dev server (SQLite) and on the production shape (the real Temporal Server's services apart on
 * PostgreSQL), each driven by the load bench (open a concern, record a contact attempt, close) for a few seconds.
 * The figures are printed, never asserted (the machine is shared); asserted is that nothing failed on either and
 * every case is on record once, closed.
 */
const runs: Record<string, Omit<LoadReport, 'caseIds'>> = {};

describe('bench pair: case open and decisions on the dev server and on the production shape', () => {
  afterAll(() => {
    console.log(`bench pair (4 clients): ${JSON.stringify(runs, null, 1)}`);
  });

  it.each<[string, TemporalStarter, string]>([
    ['dev server', temporalDevServer, '661'],
    ['cluster', temporalCluster, '662'],
  ])('on the %s: zero errors, each case once', async (label, temporal, runTag) => {
    const shape = await startProductionShape({ taskQueue: 'bench-pair', apis: 1, workers: 2, temporal });
    try {
      const school = await shape.call(0, 'admin', '/schools/100001', { name: 'Oak Primary', laCode: '938' }, 'PUT');
      expect(school !== 'connection lost' && school.status).toBe(200);
      // Timed from the moment a case opens: the workers bundle the workflow code before they poll.
      const warmUp = await shape.retrying('oakSchool', '/concerns', { schoolUrn: '100001', upn: serialUpn(`938${runTag}99`, 1), reason: 'unexplained_absence' });
      // 201 opened; 200 when a first try timed out (503, a loaded machine) after opening it and the retry joined it.
      expect([200, 201]).toContain(warmUp.status);
      const report = await runLoad({
        apiUrl: shape.apiUrl(0),
        clients: 4,
        seconds: 10,
        schoolUrn: '100001',
        laCode: '938',
        tokens: { school: await shape.token('oakSchool'), officer: await shape.token('cmeOfficer') },
        runTag,
      });
      const { caseIds, ...figures } = report;
      runs[label] = figures;
      expect(report.errors).toEqual([]);
      expect(caseIds.length).toBeGreaterThan(0);
      const db = shape.database.db;
      expect(await db.case.count({ where: { id: { in: caseIds }, stage: 'closed' } })).toBe(new Set(caseIds).size);
      expect(new Set(caseIds).size).toBe(caseIds.length);
    } finally {
      await shape.stop();
    }
  }, 400_000);
});
