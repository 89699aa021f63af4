import path from 'node:path';

/** Repository root, whether running from source (ts-jest) or compiled into dist/. */
export const repoRoot = (() => {
  const parent = path.resolve(__dirname, '..');
  return path.basename(parent) === 'dist' ? path.dirname(parent) : parent;
})();

export function resolveDataDir(dataDir: string): string {
  return path.resolve(repoRoot, dataDir);
}
