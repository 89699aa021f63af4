import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { apiClient, devToken } from '../client/api-client';

/**
 * `npm run upload -- <attendance|schools|pupils> <file.csv|file.json>`: streams a register or attendance file
 * to the running API and prints its report (rows kept, rows refused by line and field, cases opened or fed).
 * API_URL names the API (default http://127.0.0.1:3000); API_TOKEN is the caller's bearer token. Without a
 * token, a dev-mode API signs in its demo LA CME officer (the administrator for the school register).
 */
const routes = { attendance: '/v1/attendance-marks', schools: '/v1/register/schools', pupils: '/v1/register/pupils' } as const;
type Kind = keyof typeof routes;

export async function upload(kind: Kind, file: string, apiUrl: string, token?: string): Promise<{ status: number; report: unknown }> {
  const contentType = path.extname(file).toLowerCase() === '.json' ? 'application/json' : 'text/csv';
  const client = apiClient(apiUrl, token ?? (await devToken(apiUrl, kind === 'schools' ? 'demo-admin' : 'demo-cme-officer')));
  // The file is streamed as it is, never read whole here: the serializer hands fetch the stream (`duplex` lets it).
  const { data, error, response } = await client.POST(routes[kind], {
    body: '',
    bodySerializer: () => Readable.toWeb(fs.createReadStream(file)),
    headers: { 'content-type': contentType },
    duplex: 'half',
  });
  return { status: response.status, report: data ?? error };
}

if (require.main === module) {
  const [kind, file] = process.argv.slice(2);
  if (!kind || !(kind in routes) || !file) {
    console.error('usage: npm run upload -- <attendance|schools|pupils> <file.csv|file.json>');
    process.exit(2);
  }
  const apiUrl = process.env.API_URL ?? `http://${process.env.API_HOST ?? '127.0.0.1'}:${process.env.API_PORT ?? '3000'}`;
  upload(kind as Kind, file, apiUrl, process.env.API_TOKEN || undefined).then(
    ({ status, report }) => {
      console.log(JSON.stringify(report, null, 2));
      process.exit(status < 400 ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
