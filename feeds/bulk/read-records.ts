import { pipeline, Transform, type Duplex, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import StreamArray from 'stream-json/streamers/StreamArray';
import { Invalid } from '../../domain/errors';

/** One record of an upload and where it was: the CSV line, or the JSON array item (1-based). */
export interface UploadRecord {
  line: number;
  record: Record<string, unknown>;
}

/**
 * Streams the records of a CSV (header row; columns named as in `columns`, snake_case, any order, any case)
 * or a JSON array of objects (camelCase keys), so an LA's whole day is never held in memory at once.
 * A file whose structure is broken fails the whole upload (`invalid_file`); a bad value is the caller's row error.
 */
export async function* readRecords(upload: Upload, layout: CsvLayout): AsyncGenerator<UploadRecord> {
  const type = upload.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') yield* readCsv(upload, layout);
  else if (type === 'application/json') yield* readJson(upload);
  else throw new Invalid('unsupported_media_type', 'send text/csv or application/json', 'content-type');
}

/** A CSV's columns (snake_case) and the record fields they fill; `required` columns must be in the header. */
export interface CsvLayout {
  columns: Record<string, string>;
  required: string[];
}

/** A request body to read as a stream, with its declared type and the most bytes it may have. */
export interface Upload {
  body: Readable;
  contentType: string | undefined;
  maxBytes: number;
}

/** The body through the size limit into `parser`; any failure on the way ends the parser's iteration with it. */
function parseWith<T extends Duplex>(upload: Upload, parser: T): T {
  pipeline(upload.body, limitBytes(upload.maxBytes), parser, () => undefined);
  return parser;
}

/** Fails the stream (and so the upload's transaction) once more than `maxBytes` have arrived. */
function limitBytes(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > maxBytes ? new Invalid('too_large', `upload is larger than ${maxBytes} bytes; split it`) : null, chunk);
    },
  });
}

async function* readCsv(upload: Upload, { columns, required }: CsvLayout): AsyncGenerator<UploadRecord> {
  const parser = parseWith(
    upload,
    parse({
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      columns: (header: string[]) => {
        const names = header.map((name) => name.trim().toLowerCase());
        const unknown = names.find((name) => !columns[name]);
        if (unknown !== undefined) throw new Invalid('invalid_file', `unknown column "${unknown}"; expected ${Object.keys(columns).join(', ')}`, unknown);
        const missing = required.find((name) => !names.includes(name));
        if (missing) throw new Invalid('invalid_file', `the header has no "${missing}" column`, missing);
        return names.map((name) => columns[name]);
      },
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { line: info.lines, record: withoutEmptyCells(record) };
    }
  } catch (error) {
    throw error instanceof Invalid ? error : new Invalid('invalid_file', `not readable as CSV: ${(error as Error).message}`);
  }
}

/** In a CSV an empty cell is an absent value; a JSON body says absent by leaving the key out, so "" stays a value. */
function withoutEmptyCells(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== ''));
}

async function* readJson(upload: Upload): AsyncGenerator<UploadRecord> {
  try {
    for await (const { key, value } of parseWith(upload, StreamArray.withParser()) as AsyncIterable<{ key: number; value: unknown }>) {
      yield { line: key + 1, record: typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : { value } };
    }
  } catch (error) {
    if (error instanceof Invalid) throw error;
    throw new Invalid('malformed_json', `request body is not a JSON array of objects: ${(error as Error).message}`);
  }
}
