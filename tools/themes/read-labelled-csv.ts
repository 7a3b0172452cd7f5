import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { LabelledText } from '@closedloop/themes-domain';

/** Reads a CSV with a header row into labelled texts (rows with an empty text are skipped). */
export function readLabelledCsv(
  path: string,
  textColumn: string,
  labelColumn: string,
): LabelledText[] {
  const records = parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  return records
    .map((record) => ({ text: record[textColumn] ?? '', label: record[labelColumn] ?? '' }))
    .filter((row) => row.text.trim().length > 0);
}
