import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../config/paths';
import { run } from './run';

/**
 * A project-local virtualenv under .tools/ holding pinned PyPI packages: installed once, again only when the pins
 * change (the marker file records what is installed). Returns the venv's bin directory.
 */
export function ensurePypiVenv(name: string, pinned: Readonly<Record<string, string>>): string {
  const venvDir = path.join(repoRoot, '.tools', name);
  const markerFile = path.join(venvDir, 'installed.json');
  const installed = (() => {
    try {
      return fs.readFileSync(markerFile, 'utf8');
    } catch {
      return undefined;
    }
  })();
  if (installed !== JSON.stringify(pinned)) {
    const python = process.env.PYTHON ?? 'python3';
    if (!fs.existsSync(path.join(venvDir, 'bin', 'pip'))) run(python, ['-m', 'venv', venvDir]);
    const requirements = Object.entries(pinned).map(([pkg, version]) => `${pkg}==${version}`);
    run(path.join(venvDir, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--quiet', ...requirements]);
    fs.writeFileSync(markerFile, JSON.stringify(pinned));
  }
  return path.join(venvDir, 'bin');
}
