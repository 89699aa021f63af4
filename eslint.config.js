// @ts-check
const tseslint = require('typescript-eslint');
const { builtinModules } = require('node:module');

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

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
