import fs from 'node:fs';
import { run } from './run';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The headless browser of the browser tests: Debian's `chromium`, installed with apt-get when missing (as
 * root, as on CI). CHROMIUM_PATH points at another build.
 */
export function ensureChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  const found = CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error('Chromium not found: install the Debian package "chromium", or set CHROMIUM_PATH');
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (!installed) throw new Error('chromium was installed but no binary was found');
  return installed;
}
