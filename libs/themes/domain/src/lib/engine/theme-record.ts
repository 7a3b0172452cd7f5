import { StoredItem, ThemeRecord } from './engine-state';
import { ThemeView } from './theme-engine-types';
import { ThemeSample, ThemeState } from './theme-state';

/** A theme as stored: its state without derived fields, samples by id. */
export function toThemeRecord(theme: ThemeState, phraseKeys: readonly string[]): ThemeRecord {
  return {
    id: theme.id,
    status: theme.status,
    sum: Float32Array.from(theme.sum),
    weight: theme.weight,
    size: theme.size,
    seen: theme.seen,
    samples: theme.samples.map(({ id, manual }) => ({ id, manual })),
    label: theme.label,
    labelSource: theme.labelSource,
    keyPhrases: [...theme.keyPhrases],
    keyStems: [...theme.keyStems],
    phraseKeys: [...phraseKeys],
    pinned: theme.pinned,
    keepWhole: theme.keepWhole,
    keepApartFrom: [...theme.keepApartFrom],
    manualNoise: theme.manualNoise,
    ...(theme.mergedInto ? { mergedInto: theme.mergedInto } : {}),
    ...(theme.splitFrom ? { splitFrom: theme.splitFrom } : {}),
    createdAt: theme.createdAt,
    updatedAt: theme.updatedAt,
  };
}

/**
 * A theme's state from its record and the stored items its samples refer to; a sample whose item
 * is missing (its text was erased) is dropped, while the sum keeps its contribution. The centroid
 * is left for the store to derive.
 */
export function fromThemeRecord(
  record: ThemeRecord,
  items: ReadonlyMap<string, StoredItem>,
): ThemeState {
  const samples: ThemeSample[] = [];
  for (const { id, manual } of record.samples) {
    const stored = items.get(id);
    if (stored) samples.push({ id, manual, ...stored });
  }
  return {
    id: record.id,
    status: record.status,
    sum: Float64Array.from(record.sum),
    weight: record.weight,
    centroid: new Float32Array(record.sum.length),
    size: record.size,
    seen: Math.max(record.seen, samples.length),
    samples,
    samplesRevision: 0,
    label: record.label,
    labelSource: record.labelSource,
    keyPhrases: [...record.keyPhrases],
    keyStems: [...record.keyStems],
    pinned: record.pinned,
    keepWhole: record.keepWhole,
    keepApartFrom: [...record.keepApartFrom],
    manualNoise: record.manualNoise,
    ...(record.mergedInto ? { mergedInto: record.mergedInto } : {}),
    ...(record.splitFrom ? { splitFrom: record.splitFrom } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** What callers may read of a theme. */
export function toThemeView(theme: ThemeState): ThemeView {
  return {
    id: theme.id,
    label: theme.label,
    labelSource: theme.labelSource,
    status: theme.status,
    size: theme.size,
    pinned: theme.pinned,
    keyPhrases: [...theme.keyPhrases],
    ...(theme.mergedInto ? { mergedInto: theme.mergedInto } : {}),
    ...(theme.splitFrom ? { splitFrom: theme.splitFrom } : {}),
  };
}
