import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiTypesFile, generateApiTypes } from '../../scripts/client-generate';

/** Issue 14: the typed client is generated from the document; a change to the document without `npm run client:generate` fails here. */
describe('the typed client (client/api-types.ts)', () => {
  it('is what openapi-typescript makes of the current OpenAPI document', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cme-api-types-'));
    try {
      const fresh = path.join(dir, 'api-types.ts');
      generateApiTypes(fresh);
      expect(fs.readFileSync(apiTypesFile, 'utf8')).toBe(fs.readFileSync(fresh, 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
