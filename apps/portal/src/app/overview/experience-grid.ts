import type { ExperienceCells } from '../data/overview-api';

export const JOURNEY_STAGES = [
  'discover',
  'buy',
  'onboard',
  'use',
  'support',
  'renew',
  'leave',
] as const;
export const SOURCES = ['survey', 'social', 'crm', 'staff'] as const;

export interface GridCell {
  readonly source: string;
  readonly journeyStage: string;
  readonly volume: number;
  readonly meanSentiment: number | null;
  readonly background: string;
}

export interface GridRow {
  readonly source: string;
  readonly cells: readonly GridCell[];
}

const NEGATIVE = [0xf4, 0xb6, 0xb6];
const NEUTRAL = [0xee, 0xee, 0xee];
const POSITIVE = [0xb5, 0xdf, 0xb5];
const EMPTY = '#ffffff';

const hex = (rgb: readonly number[]) =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * A light background for a mean sentiment: red below zero, green above, grey at zero, stronger
 * the further from zero (dark text stays readable on every one).
 */
export function sentimentBackground(mean: number | null): string {
  if (mean === null) return hex(NEUTRAL);
  const t = Math.min(Math.abs(mean) / 0.6, 1);
  const end = mean < 0 ? NEGATIVE : POSITIVE;
  return hex(NEUTRAL.map((c, i) => c + ((end[i] ?? c) - c) * t));
}

/**
 * Sources down, journey stages across; every source and stage shown, whether or not it has
 * feedback (cells without feedback have volume 0). Sources beyond the known four follow them.
 */
export function experienceGrid(cells: ExperienceCells): GridRow[] {
  const byKey = new Map(cells.map((c) => [`${c.source}|${c.journeyStage}`, c]));
  const sources = [
    ...SOURCES,
    ...[...new Set(cells.map((c) => c.source))].filter(
      (s) => !(SOURCES as readonly string[]).includes(s),
    ),
  ];
  return sources.map((source) => ({
    source,
    cells: JOURNEY_STAGES.map((journeyStage) => {
      const cell = byKey.get(`${source}|${journeyStage}`);
      const volume = cell?.volume ?? 0;
      const meanSentiment = cell?.meanSentiment ?? null;
      return {
        source,
        journeyStage,
        volume,
        meanSentiment,
        background: volume > 0 ? sentimentBackground(meanSentiment) : EMPTY,
      };
    }),
  }));
}
