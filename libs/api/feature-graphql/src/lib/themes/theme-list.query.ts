import { apiError } from '../errors/api-error';
import { decodeCursor } from '../pagination/cursor';
import { isoKey, numberPosition, timestampPosition } from '../pagination/sql-keys';
import { ThemeSort, type ThemeFilterInput } from './theme-list.inputs';
import { ThemeStatus } from './theme.model';
import { THEME_COLUMNS } from './theme.rows';

const MAX_SEARCH = 200;

/**
 * Each sort's key (descending, then id descending), as indexed on theme_totals, and how a
 * cursor's key is typed in SQL. Every theme has a totals row, so the list walks one of these
 * indexes and looks each theme up by its key.
 */
const SORT_KEYS: Record<ThemeSort, { key: string; cursorKey: string; cast: string }> = {
  [ThemeSort.VOLUME]: { key: 'tt.volume', cursorKey: 'tt.volume', cast: 'int' },
  [ThemeSort.RECENT]: {
    key: "COALESCE(tt.last_feedback_at, 'epoch'::timestamptz)",
    cursorKey: isoKey("COALESCE(tt.last_feedback_at, 'epoch'::timestamptz)"),
    cast: 'timestamptz',
  },
  [ThemeSort.NEGATIVE_SHARE]: {
    key: '(tt.negative_count::float8 / GREATEST(tt.volume, 1))',
    cursorKey: '(tt.negative_count::float8 / GREATEST(tt.volume, 1))',
    cast: 'float8',
  },
};

/** Themes with their totals, driven from the totals' sort index. */
const LIST_FROM = 'FROM theme_totals tt JOIN themes ON themes.id = tt.theme_id';

export interface ThemeListSql {
  readonly page: { sql: string; params: unknown[] };
  readonly count: { sql: string; params: unknown[] };
}

/**
 * The theme list's queries: themes joined to their one-row roll-up (theme_totals), filtered,
 * ordered by the sort's key and id, from the cursor on. No feedback or daily rows are read.
 * A theme without a totals row (none should exist) is not listed.
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
    // search_text is the lower-cased label and key phrases, stored with the theme.
    params.push(`%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`themes.search_text LIKE $${params.length}`);
  }
  if (filter?.minVolume !== null && filter?.minVolume !== undefined) {
    params.push(filter.minVolume);
    conditions.push(`tt.volume >= $${params.length}`);
  }
  if (filter?.emerging === true) conditions.push('themes.emerging_since IS NOT NULL');
  if (filter?.emerging === false) conditions.push('themes.emerging_since IS NULL');
  const count = {
    sql: `SELECT count(*) AS n ${LIST_FROM} WHERE ${conditions.join(' AND ')}`,
    params: [...params],
  };
  const keys = SORT_KEYS[sort];
  if (after) {
    const decoded = decodeCursor(after);
    const at =
      keys.cast === 'timestamptz'
        ? timestampPosition(decoded)
        : numberPosition(decoded, keys.cast === 'int');
    params.push(at.key, at.id);
    conditions.push(
      `(${keys.key}, tt.theme_id) < ($${params.length - 1}::${keys.cast}, $${params.length}::text)`,
    );
  }
  params.push(size + 1);
  return {
    page: {
      sql: `SELECT ${THEME_COLUMNS}, ${keys.cursorKey} AS sort_key ${LIST_FROM}
            WHERE ${conditions.join(' AND ')}
            ORDER BY ${keys.key} DESC, tt.theme_id DESC LIMIT $${params.length}`,
      params,
    },
    count,
  };
}
