import path from 'node:path';
import { ensurePypiVenv } from './pypi-venv';

/** schemathesis, the outside fuzzer the contract suite runs against the API (issue 14), pinned from PyPI. */
const PINNED = { schemathesis: '4.32.5' } as const;

/** The `st` command, installed into .tools/schemathesis-venv if missing. */
export function ensureSchemathesis(): string {
  return path.join(ensurePypiVenv('schemathesis-venv', PINNED), 'st');
}

if (require.main === module) console.log(ensureSchemathesis());
