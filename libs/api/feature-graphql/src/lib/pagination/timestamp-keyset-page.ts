import type { DataSource } from 'typeorm';
import type { Connection } from './connection.model';
import { checkPageSize, decodeCursor } from './cursor';
import { isoKey, timestampUuidPosition } from './sql-keys';
import { toConnection } from './to-connection';

/** A list read newest first by a timestamp column, then by a uuid id, both descending. */
export interface TimestampKeysetQuery {
  /** The select list (without the sort key, which is added). */
  readonly columns: string;
  /** `FROM …` of the page query, joins included. */
  readonly from: string;
  /** `FROM …` of the count: the same rows, without joins the conditions do not need. */
  readonly countFrom: string;
  /** The timestamp column and the id column the list is keyed by, e.g. `f.received_at`, `f.id`. */
  readonly keyColumn: string;
  readonly idColumn: string;
  /** Filter conditions (ANDed) and their parameters ($1 … in order). */
  readonly conditions: readonly string[];
  readonly params: readonly unknown[];
}

/** What the caller asked for: a page size, the cursor to continue after, and whether to count. */
export interface PageRequest {
  readonly first: number;
  readonly after: string | null | undefined;
  readonly withTotal: boolean;
}

const whereOf = (list: readonly string[]) =>
  list.length > 0 ? `WHERE ${list.join(' AND ')}` : '';

/**
 * One page of a keyset-paged list: an index range scan from the cursor, `LIMIT first + 1` to know
 * whether more follow, and the filtered count only when asked for. Rows are mapped with `toNode`.
 */
export async function timestampKeysetPage<Row extends { id: string }, Node>(
  dataSource: DataSource,
  query: TimestampKeysetQuery,
  request: PageRequest,
  toNode: (row: Row) => Node,
): Promise<Connection<Node>> {
  const size = checkPageSize(request.first);
  const params = [...query.params];
  const conditions = [...query.conditions];
  if (request.after) {
    const at = timestampUuidPosition(decodeCursor(request.after));
    params.push(at.key, at.id);
    conditions.push(
      `(${query.keyColumn}, ${query.idColumn}) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
    );
  }
  params.push(size + 1);
  const rows: (Row & { sort_key: string })[] = await dataSource.query(
    `SELECT ${query.columns}, ${isoKey(query.keyColumn)} AS sort_key ${query.from}
     ${whereOf(conditions)}
     ORDER BY ${query.keyColumn} DESC, ${query.idColumn} DESC LIMIT $${params.length}`,
    params,
  );
  const total = request.withTotal ? await countRows(dataSource, query) : 0;
  const page = toConnection(rows, size, total, (row) => ({ key: row.sort_key, id: row.id }));
  return {
    ...page,
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })),
  };
}

async function countRows(dataSource: DataSource, query: TimestampKeysetQuery): Promise<number> {
  const [row]: { n: string }[] = await dataSource.query(
    `SELECT count(*) AS n ${query.countFrom} ${whereOf(query.conditions)}`,
    [...query.params],
  );
  return Number(row?.n ?? 0);
}
