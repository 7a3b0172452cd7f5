import { apiError } from '../errors/api-error';
import { decodeCursor } from '../pagination/cursor';
import { isoKey, numberPosition, timestampPosition } from '../pagination/sql-keys';
import { ThemeSort, type ThemeFilterInput } from './theme-list.inputs';
import { ThemeStatus } from './theme.model';
import { THEME_COLUMNS, THEME_FROM } from './theme.rows';

const MAX_SEARCH = 200;

/** Each sort's key (descending, then id descending) and how a cursor's key is typed in SQL. */
const SORT_KEYS: Record<ThemeSort, { key: string; cursorKey: string; cast: string }> = {
  [ThemeSort.VOLUME]: {
    key: 'COALESCE(tt.volume, 0)::float8',
    cursorKey: 'COALESCE(tt.volume, 0)::float8',
    cast: 'float8',
  },
  [ThemeSort.RECENT]: {
    key: 'COALESCE(tt.last_feedback_at, themes.created_at)',
    cursorKey: isoKey('COALESCE(tt.last_feedback_at, themes.created_at)'),
    cast: 'timestamptz',
  },
  [ThemeSort.NEGATIVE_SHARE]: {
    key: 'COALESCE(tt.negative_count::float8 / NULLIF(tt.volume, 0), 0)',
    cursorKey: 'COALESCE(tt.negative_count::float8 / NULLIF(tt.volume, 0), 0)',
    cast: 'float8',
  },
};

export interface ThemeListSql {
  readonly page: { sql: string; params: unknown[] };
  readonly count: { sql: string; params: unknown[] };
}

/**
 * The theme list's queries: themes joined to their one-row roll-up (theme_totals), filtered,
 * ordered by the sort's key and id, from the cursor on. No feedback or daily rows are read.
 */
export function themeListSql(
  space: string,
  filter: ThemeFilterInput | null | undefined,
  sort: ThemeSort,
  size: number,
  after: string | null | undefined,
): ThemeListSql {
  const params: unknown[] = [space, filter?.status ?? ThemeStatus.ACTIVE];
  const conditions = ['themes.space = $1', 'themes.status = $2'];
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH) {
      throw apiError('BAD_USER_INPUT', `filter.search is longer than ${MAX_SEARCH} characters`, {
        field: 'filter.search',
      });
    }
    params.push(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    conditions.push(`(themes.label ILIKE ${p} OR themes.key_phrases::text ILIKE ${p})`);
  }
  if (filter?.minVolume !== null && filter?.minVolume !== undefined) {
    params.push(filter.minVolume);
    conditions.push(`COALESCE(tt.volume, 0) >= $${params.length}`);
  }
  const count = {
    sql: `SELECT count(*) AS n ${THEME_FROM} WHERE ${conditions.join(' AND ')}`,
    params: [...params],
  };
  const keys = SORT_KEYS[sort];
  if (after) {
    const decoded = decodeCursor(after);
    const at = keys.cast === 'timestamptz' ? timestampPosition(decoded) : numberPosition(decoded);
    params.push(at.key, at.id);
    conditions.push(
      `(${keys.key}, themes.id) < ($${params.length - 1}::${keys.cast}, $${params.length}::text)`,
    );
  }
  params.push(size + 1);
  return {
    page: {
      sql: `SELECT ${THEME_COLUMNS}, ${keys.cursorKey} AS sort_key ${THEME_FROM}
            WHERE ${conditions.join(' AND ')}
            ORDER BY ${keys.key} DESC, themes.id DESC LIMIT $${params.length}`,
      params,
    },
    count,
  };
}
