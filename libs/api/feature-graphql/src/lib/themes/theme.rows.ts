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
}

export const THEME_SELECT = `SELECT id, label, label_source, status, pinned, size, key_phrases, merged_into, split_from,
  emerging_since, created_at, updated_at FROM themes`;

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
  };
}

/** NPS from band counts, or null without answers. */
export function npsOf(promoters: number, passives: number, detractors: number): number | null {
  const total = promoters + passives + detractors;
  return total === 0 ? null : Math.round(((promoters - detractors) / total) * 1000) / 10;
}
