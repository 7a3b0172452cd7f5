import { Theme, ThemeStatus } from './theme.model';

export interface ThemeRow {
  id: string;
  label: string;
  label_source: string;
  status: string;
  pinned: boolean;
  size: number;
  key_phrases: string[];
  merged_into: string | null;
  split_from: string | null;
  emerging_since: Date | null;
  created_at: Date;
  updated_at: Date;
  volume: number;
  negative_count: number;
  last_feedback_at: Date | null;
}

/** Theme columns with the theme's running totals (the theme_totals roll-up). */
export const THEME_COLUMNS = `id, label, label_source, status, pinned, size, key_phrases, merged_into, split_from,
  emerging_since, created_at, updated_at, COALESCE(tt.volume, 0) AS volume,
  COALESCE(tt.negative_count, 0) AS negative_count, tt.last_feedback_at`;

export const THEME_FROM = 'FROM themes LEFT JOIN theme_totals tt ON tt.theme_id = themes.id';

export const THEME_SELECT = `SELECT ${THEME_COLUMNS} ${THEME_FROM}`;

export function toTheme(row: ThemeRow): Theme {
  return {
    id: row.id,
    label: row.label,
    labelSource: row.label_source,
    status: row.status as ThemeStatus,
    pinned: row.pinned,
    size: row.size,
    keyPhrases: row.key_phrases,
    mergedInto: row.merged_into,
    splitFrom: row.split_from,
    emergingSince: row.emerging_since ? new Date(row.emerging_since) : null,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    volume: row.volume,
    negativeShare:
      row.volume > 0 ? Math.round((row.negative_count / row.volume) * 1000) / 1000 : null,
    lastFeedbackAt: row.last_feedback_at ? new Date(row.last_feedback_at) : null,
  };
}

/** NPS from band counts, or null without answers. */
export function npsOf(promoters: number, passives: number, detractors: number): number | null {
  const total = promoters + passives + detractors;
  return total === 0 ? null : Math.round(((promoters - detractors) / total) * 1000) / 10;
}
