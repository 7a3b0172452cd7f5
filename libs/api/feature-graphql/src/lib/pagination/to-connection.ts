import type { Connection } from './connection.model';
import { encodeCursor, type CursorPosition } from './cursor';

/**
 * Turns rows read with `LIMIT first + 1` into a page: the extra row only says that more follow.
 * `positionOf` gives each node's sort key and id for its cursor.
 */
export function toConnection<T>(
  rows: readonly T[],
  first: number,
  totalCount: number,
  positionOf: (node: T) => CursorPosition,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(positionOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      endCursor: edges.length > 0 ? (edges[edges.length - 1]?.cursor ?? null) : null,
    },
    totalCount,
  };
}
