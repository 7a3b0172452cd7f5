/** One labelled fact the source sent with a feedback item, e.g. `platform: X`. */
export interface SourceDetail {
  readonly key: string;
  readonly value: string;
}

const LEFT_OUT = new Set(['redactions']);
const MAX_ENTRIES = 50;
const MAX_VALUE = 500;

const sortedEntries = (value: object): [string, unknown][] =>
  Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * The stored `details` of a feedback item as flat key/value text, by key: nested
 * objects as dotted keys (`reach.followers`), metadata entries as `metadata.<key>`, empty values
 * and the redaction log left out; bounded in count and length.
 */
export function flattenSourceDetails(details: unknown): SourceDetail[] {
  const out: SourceDetail[] = [];
  const walk = (value: unknown, key: string) => {
    if (out.length >= MAX_ENTRIES || value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) {
      if (value.length > 0)
        walk(
          value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', '),
          key,
        );
      return;
    }
    if (typeof value === 'object') {
      for (const [k, v] of sortedEntries(value)) {
        walk(v, key ? `${key}.${k}` : k);
      }
      return;
    }
    const text = String(value);
    out.push({ key, value: text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text });
  };
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    for (const [k, v] of sortedEntries(details)) {
      if (!LEFT_OUT.has(k)) walk(v, k);
    }
  }
  return out;
}
