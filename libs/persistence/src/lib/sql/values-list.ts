/**
 * Placeholders and parameters for a multi-row `VALUES` list: rows `[[a, b], [c, d]]` become
 * `($1, $2), ($3, $4)` with parameters `[a, b, c, d]`. A cell may be `{ sql }` for a literal
 * expression such as `now()`; every other value is a parameter, so nothing is interpolated.
 */
export interface SqlExpression {
  readonly sql: string;
}

export function sqlExpression(sql: string): SqlExpression {
  return { sql };
}

const isExpression = (cell: unknown): cell is SqlExpression =>
  typeof cell === 'object' &&
  cell !== null &&
  Object.keys(cell).length === 1 &&
  typeof (cell as SqlExpression).sql === 'string';

export function valuesList(
  rows: readonly (readonly unknown[])[],
  firstParameter = 1,
): { readonly sql: string; readonly params: unknown[] } {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = row.map((cell) => {
      if (isExpression(cell)) return cell.sql;
      params.push(cell);
      return `$${firstParameter + params.length - 1}`;
    });
    return `(${cells.join(', ')})`;
  });
  return { sql: tuples.join(', '), params };
}
