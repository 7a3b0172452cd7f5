import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type ExportFormat = 'csv' | 'jsonl';

export interface SourceRow {
  /** 1-based data row number (CSV: the header is not counted; JSONL: the line number). */
  readonly number: number;
  readonly cells: Record<string, string | undefined>;
  /** Set when the row itself could not be read (e.g. a JSONL line that is not JSON). */
  readonly error?: string;
}

function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== null && value !== undefined) {
    out[prefix] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** Streams the rows of a CSV (with a header row) or JSONL export; nested JSON keys become `a.b` columns. */
export async function* readRows(file: string, format: ExportFormat): AsyncGenerator<SourceRow> {
  if (format === 'csv') {
    const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
    let number = 0;
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      number += 1;
      yield { number, cells: record };
    }
    return;
  }
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    try {
      yield { number, cells: flatten(JSON.parse(line)) };
    } catch (error) {
      yield { number, cells: {}, error: `not JSON: ${(error as Error).message}` };
    }
  }
}
