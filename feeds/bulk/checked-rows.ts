import type { z } from 'zod';
import type { Cell } from './copy-rows';
import { readRecords, type CsvLayout, type Upload } from './read-records';
import { RowErrors } from './row-errors';

/**
 * An upload's records, checked one by one as they stream: each good row comes out as the staging table's
 * cells (its line first), each bad one goes into `errors`. Iterate it once, into `copyRows`.
 */
export class CheckedRows<T extends z.ZodType> implements AsyncIterable<Cell[]> {
  readonly errors = new RowErrors();
  received = 0;

  constructor(
    private readonly upload: Upload,
    private readonly layout: CsvLayout,
    private readonly schema: T,
    private readonly cells: (row: z.infer<T>) => Cell[],
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Cell[]> {
    for await (const { line, record } of readRecords(this.upload, this.layout)) {
      this.received += 1;
      const row = this.errors.check(this.schema, line, record);
      if (row !== undefined) yield [line, ...this.cells(row)];
    }
  }
}
