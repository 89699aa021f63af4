// @ts-check
const tseslint = require('typescript-eslint');
const { builtinModules } = require('node:module');

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

/**
 * Imports flow one way, downward: api/ and worker/ (with scripts/ and bench/) at the top; workflows/,
 * activities/, temporal/, intake/, feeds/ and read-model/ in the middle; domain/, config/ and db/ at the bottom.
 * Each room names the rooms it may not import from; a room below the API raises a domain error
 * (domain/errors.ts) that api/errors.ts answers with a status.
 */
const top = ['api', 'worker', 'scripts', 'bench'];
const middle = ['workflows', 'activities', 'temporal', 'intake', 'feeds', 'read-model'];
const notAbove = {
  'read-model': [...top, 'intake', 'feeds'],
  intake: [...top, 'feeds'],
  feeds: top,
  activities: top,
  temporal: top,
  config: [...top, ...middle],
  db: [...top, ...middle],
  domain: [...top, ...middle, 'config', 'db'],
};
const importsFrom = (rooms) => `^(\\.\\./)+(${rooms.join('|')})(/|$)`;
const downwardOnly = Object.entries(notAbove).map(([room, rooms]) => ({
  files: [`${room}/**/*.ts`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: importsFrom(rooms),
            message:
              room === 'domain'
                ? 'domain/ is pure rules: it imports only from domain/ and packages.'
                : `${room}/ may not import from ${rooms.join(', ')}: imports flow downward (see docs/architecture.md).`,
          },
        ],
      },
    ],
  },
}));

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '.tools/**', 'test-artifacts/**', '*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...downwardOnly,
  {
    // Commands and benchmarks call the rooms below directly; of the API they build only the app.
    files: ['scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+api/(?!app$)', message: 'Import the room below the API (read-model/, feeds/, intake/, domain/), or api/app for the whole app.' }] }],
    },
  },
  {
    // Workflow code is replayed: it must be deterministic and bundle without Node or I/O.
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'No Node built-ins in workflow code (not deterministic).' })),
            { name: '@prisma/client', message: 'No database access in workflow code: use an activity.' },
            { name: '@temporalio/client', message: 'Workflow code talks to Temporal through @temporalio/workflow.' },
            { name: '@temporalio/activity', message: 'Activities run in the worker, not in workflow code.' },
          ],
          patterns: [
            { group: ['../activities', '../activities/*', '../db/*', '../api/*', '../worker/*'], allowTypeImports: true, message: 'Import only types from activities; no I/O modules in workflow code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' }, { name: 'setInterval', message: 'Use sleep() in a loop.' }, { name: 'fetch', message: 'No I/O in workflow code.' }],
    },
  },
);
