import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApiDocument } from '../api/app';
import { repoRoot } from '../config/paths';
import { run } from './devstack/run';

/** The committed types of the typed client (client/api-client.ts); a test fails when they are stale. */
export const apiTypesFile = path.join(repoRoot, 'client', 'api-types.ts');

/** `npm run client:generate`: the API's TypeScript types, by openapi-typescript from the OpenAPI document. */
export function generateApiTypes(outFile: string = apiTypesFile): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-openapi-'));
  try {
    const document = path.join(dir, 'openapi.json');
    fs.writeFileSync(document, JSON.stringify(openApiDocument()));
    run(path.join(repoRoot, 'node_modules', '.bin', 'openapi-typescript'), [document, '--output', outFile]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  generateApiTypes();
  console.log(`wrote ${path.relative(process.cwd(), apiTypesFile)}`);
}
