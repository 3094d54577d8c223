import { stringify } from 'csv-stringify';
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';

/** One column of a CSV download: its heading and how a row fills it. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/**
 * Streams rows as a CSV download. The file is UTF-8 with a byte order mark, so spreadsheets read
 * names in any script right; cells that begin with =, +, -, @, a tab or a carriage return are
 * prefixed with an apostrophe, so a spreadsheet shows them as text instead of running them as
 * formulas (anyone can type such a title). The first batch is read before anything is sent, so a
 * refused filter still gets its 400; later batches follow as the client reads, and stop when it leaves.
 */
export async function sendCsv<Row>(
  response: ServerResponse,
  fileName: string,
  columns: CsvColumn<Row>[],
  batches: AsyncIterable<Row[]>,
): Promise<void> {
  const iterator = batches[Symbol.asyncIterator]();
  let next = await iterator.next();
  response.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'no-store',
  });
  const csv = stringify({ bom: true, escape_formulas: true, header: true, columns: columns.map((column) => column.header) });
  csv.pipe(response);
  const clientLeft = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) clientLeft.abort();
  });
  try {
    while (!next.done && !clientLeft.signal.aborted) {
      for (const row of next.value) {
        if (!csv.write(columns.map((column) => column.value(row) ?? ''))) await once(csv, 'drain', { signal: clientLeft.signal });
      }
      next = await iterator.next();
    }
  } catch (error) {
    if (!clientLeft.signal.aborted) throw error;
  } finally {
    if (clientLeft.signal.aborted) await iterator.return?.(undefined);
    csv.end();
  }
}
