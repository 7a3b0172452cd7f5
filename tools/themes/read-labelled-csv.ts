import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** A text with its reference label. */
export interface LabelledText {
  readonly text: string;
  readonly label: string;
}

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
  const missing = [textColumn, labelColumn].filter(
    (column) => records[0] && !(column in records[0]),
  );
  if (missing.length > 0) {
    throw new Error(`${path} has no column ${missing.map((c) => `"${c}"`).join(' or ')}`);
  }
  return records
    .map((record) => ({ text: record[textColumn] ?? '', label: record[labelColumn] ?? '' }))
    .filter((row) => row.text.trim().length > 0);
}
