import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SeededRandom } from '../random/seeded-random';
import { quantise, quantisedFromBytes, dequantise } from '../vectors/quantised-vector';
import { StoredItem } from './engine-state';
import { LOTTERY, OTHER_TOPICS, PROBES, TOPICS } from './fixtures/banking-topics';
import { ThemeEngine } from './theme-engine';
import { ThemeItem } from './theme-engine-types';

/** Embeddings of the fixture texts, made with the product's sentence encoder. */
const EMBEDDINGS: Record<string, string> = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/topic-embeddings.json'), 'utf8'),
).vectors;

function vectorOf(text: string): Float32Array {
  const encoded = EMBEDDINGS[text];
  if (!encoded) throw new Error(`No fixture embedding for "${text}": run npm run themes:fixture`);
  return dequantise(quantisedFromBytes(Buffer.from(encoded, 'base64')));
}

function item(id: string, text: string): ThemeItem {
  return { id, text, vector: vectorOf(text) };
}

type Topic = keyof typeof TOPICS;
const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

/** Feeds the other topics, then the three topics' messages interleaved (shuffled by seed). */
function feed(engine: ThemeEngine, seed = 3): Map<string, ThemeItem & { themeId: string }> {
  const assigned = new Map<string, ThemeItem & { themeId: string }>();
  const others = Object.entries(OTHER_TOPICS).flatMap(([topic, texts]) =>
    texts.map((text, i) => item(`${topic}-${i}`, text)),
  );
  const mine = TOPIC_NAMES.flatMap((topic) =>
    TOPICS[topic].map((text, i) => item(`${topic}-${i}`, text)),
  );
  const random = new SeededRandom(seed);
  const order = [
    ...others,
    ...mine
      .map((entry) => ({ entry, key: random.next() }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.entry),
  ];
  for (const next of order)
    assigned.set(next.id, { ...next, themeId: engine.assign(next).themeId });
  return assigned;
}

function themeOf(
  engine: ThemeEngine,
  assigned: Map<string, { themeId: string }>,
  id: string,
): string {
  return engine.resolve(assigned.get(id)?.themeId ?? '');
}

/** The theme most of a topic's messages are in now. */
function mainTheme(
  engine: ThemeEngine,
  assigned: Map<string, { themeId: string }>,
  topic: Topic,
): string {
  const counts = new Map<string, number>();
  TOPICS[topic].forEach((_, i) => {
    const theme = themeOf(engine, assigned, `${topic}-${i}`);
    counts.set(theme, (counts.get(theme) ?? 0) + 1);
  });
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

describe('ThemeEngine', () => {
  it('groups the messages of each topic into a theme of its own and explains assignments', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    engine.consolidate();
    const themes = TOPIC_NAMES.map((topic) => mainTheme(engine, assigned, topic));
    expect(new Set(themes).size).toBe(3);
    for (const [index, topic] of TOPIC_NAMES.entries()) {
      const inMain = TOPICS[topic].filter(
        (_, i) => themeOf(engine, assigned, `${topic}-${i}`) === themes[index],
      );
      expect(inMain.length).toBeGreaterThanOrEqual(TOPICS[topic].length * 0.75);
    }
    const next = engine.assign(item('late', PROBES.lateCard));
    expect(next.created).toBe(false);
    expect(engine.resolve(next.themeId)).toBe(themes[0]);
    expect(next.reason.kind).toBe('matched-theme');
    expect(next.reason.sharedTerms).toEqual(expect.arrayContaining(['card']));
    expect(next.reason.similarity).toBeGreaterThanOrEqual(next.reason.threshold);
  });

  it('opens a theme for a message unlike every theme, naming the nearest one', () => {
    const engine = new ThemeEngine();
    feed(engine);
    const odd = engine.assign(item('odd', LOTTERY[2]));
    expect(odd.created).toBe(true);
    expect(odd.reason.kind).toBe('created-theme');
    expect(odd.reason.similarity).toBeLessThan(odd.reason.threshold);
    expect(odd.reason.nearestThemeId).toBeDefined();
  });

  it('keeps theme ids stable across consolidation and labels themes distinctly', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    engine.consolidate();
    const before = TOPIC_NAMES.map((topic) => mainTheme(engine, assigned, topic));
    engine.consolidate();
    engine.consolidate();
    expect(before.map((id) => engine.resolve(id))).toEqual(before);
    const labels = engine.themes().map((theme) => theme.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(engine.theme(before[1])?.label).toMatch(/rate/);
    expect(engine.theme(before[2])?.label).toMatch(/pin/);
    expect(engine.theme(before[1])?.keyPhrases.length).toBeGreaterThan(1);
    const quotes = engine.quotes(before[0], 2);
    expect(quotes).toHaveLength(2);
    expect(quotes[0].text).not.toBe(quotes[1].text);
  });

  it('records lineage when a person merges themes, and keeps the result whole', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    const arrival = mainTheme(engine, assigned, 'arrival');
    const pin = mainTheme(engine, assigned, 'pin');
    const sizes = (engine.theme(arrival)?.size ?? 0) + (engine.theme(pin)?.size ?? 0);
    engine.merge(arrival, [pin]);
    expect(engine.resolve(pin)).toBe(arrival);
    expect(engine.theme(pin)?.status).toBe('merged');
    expect(engine.theme(pin)?.mergedInto).toBe(arrival);
    expect(engine.theme(arrival)?.size).toBe(sizes);
    for (let i = 0; i < 2; i++) {
      expect(engine.consolidate().split.some((split) => split.themeId === arrival)).toBe(false);
    }
  });

  it('never lets consolidation change a pinned theme', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    const pinned = mainTheme(engine, assigned, 'rate');
    engine.rename(pinned, 'FX questions');
    engine.pin(pinned);
    const before = engine.theme(pinned);
    const samples = engine.sampleIds(pinned);
    for (let i = 0; i < 3; i++) {
      const report = engine.consolidate();
      expect(report.merged.some((m) => m.from === pinned || m.into === pinned)).toBe(false);
      expect(report.split.some((s) => s.themeId === pinned)).toBe(false);
      expect(report.noised.some((n) => n.themeId === pinned)).toBe(false);
    }
    expect(engine.theme(pinned)).toEqual(before);
    expect(engine.sampleIds(pinned)).toEqual(samples);
    expect(engine.theme(pinned)?.label).toBe('FX questions');
  });

  it('respects manual moves in later consolidation and pulls the theme toward them', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    const pinTheme = mainTheme(engine, assigned, 'pin');
    const rateTheme = mainTheme(engine, assigned, 'rate');
    const moved = assigned.get('arrival-0') as ThemeItem & { themeId: string };
    engine.moveItems([{ item: moved, fromThemeId: engine.resolve(moved.themeId) }], pinTheme);
    expect(engine.sampleIds(pinTheme)).toContain('arrival-0');
    for (let i = 0; i < 3; i++) engine.consolidate();
    expect(engine.sampleIds(engine.resolve(pinTheme))).toContain('arrival-0');
    const probe = item('probe', PROBES.currencyShort);
    const before = engine.explain(rateTheme, probe).similarity;
    engine.moveItems([{ item: item('fx-1', PROBES.currency) }], rateTheme);
    expect(engine.explain(rateTheme, probe).similarity).toBeGreaterThan(before);
  });

  it('splits by chosen items, keeps the parts apart, and re-homes other members', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    const arrival = mainTheme(engine, assigned, 'arrival');
    const rate = mainTheme(engine, assigned, 'rate');
    engine.merge(arrival, [rate]);
    const rateItems = [...assigned.values()].filter((entry) => entry.id.startsWith('rate-'));
    // A person picks the exchange-rate messages they see in the merged theme.
    const sampled = new Set(engine.sampleIds(arrival));
    const chosen = rateItems.filter((entry) => sampled.has(entry.id));
    const created = engine.split(
      arrival,
      chosen.map((entry) => ({ ...entry })),
    );
    expect(engine.theme(created)?.splitFrom).toBe(arrival);
    expect(engine.sampleIds(created).sort()).toEqual(chosen.map((entry) => entry.id).sort());
    engine.rehomeMembers(
      arrival,
      created,
      rateItems.filter((entry) => !sampled.has(entry.id)),
    );
    for (let i = 0; i < 2; i++) engine.consolidate();
    expect(engine.resolve(created)).toBe(created);
    expect(engine.resolve(arrival)).toBe(arrival);
    expect(engine.closerOf([arrival, created], vectorOf(TOPICS.rate[7]))).toBe(created);
    expect(engine.closerOf([arrival, created], vectorOf(TOPICS.arrival[7]))).toBe(arrival);
  });

  it('proposes a split of a theme that holds two topics', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    const arrival = mainTheme(engine, assigned, 'arrival');
    engine.merge(arrival, [mainTheme(engine, assigned, 'rate')]);
    const proposal = engine.proposeSplit(arrival);
    expect(proposal.length).toBeGreaterThan(0);
    const topics = new Set(proposal.map((id) => id.split('-')[0]));
    expect(topics.size).toBe(1);
  });

  it('sets tiny isolated themes aside as noise and absorbs noise later', () => {
    const engine = new ThemeEngine();
    const odd = engine.assign(item('odd', LOTTERY[0])).themeId;
    feed(engine);
    // Long enough that an average theme would have had three items since the odd one came.
    for (const [index, text] of Object.values(TOPICS).flat().entries()) {
      engine.assign(item(`again-${index}`, text));
    }
    const report = engine.consolidate();
    expect(report.noised.map((n) => n.themeId)).toContain(odd);
    expect(engine.theme(odd)?.status).toBe('noise');
    expect(engine.noiseItems().map((noise) => noise.id)).toContain('odd');
    LOTTERY.slice(1).forEach((text, i) => engine.assign(item(`lot-${i}`, text)));
    const later = engine.consolidate();
    expect(later.absorbed.map((a) => a.itemId)).toContain('odd');
  });

  it('keeps manual noise out of absorption', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    engine.markNoise(mainTheme(engine, assigned, 'pin'));
    const report = engine.consolidate();
    expect(report.absorbed.filter((a) => a.itemId.startsWith('pin-'))).toEqual([]);
  });

  it('reports only what changed, and restores from its saved state', () => {
    const engine = new ThemeEngine({ seed: 7 });
    const assigned = feed(engine);
    engine.consolidate();
    const full = engine.exportState();
    expect(engine.takeChanges().themes.length).toBeGreaterThan(0);
    expect(engine.takeChanges().themes).toEqual([]);
    const items = new Map<string, StoredItem>();
    for (const record of full.themes) {
      for (const sample of record.samples) {
        const source = assigned.get(sample.id) as ThemeItem;
        items.set(sample.id, { text: source.text, vector: quantise(source.vector) });
      }
    }
    for (const noise of full.noiseAdded) {
      const source = assigned.get(noise.id) as ThemeItem;
      items.set(noise.id, { text: source.text, vector: quantise(source.vector) });
    }
    const json = JSON.parse(JSON.stringify(full, floatArrays)) as typeof full;
    const restored = ThemeEngine.restore(json, items);
    expect(restored.themes()).toEqual(engine.themes());
    const probe = item('n', PROBES.lateCard);
    const a = engine.assign(probe);
    const b = restored.assign(probe);
    expect(b.themeId).toBe(a.themeId);
    expect(b.similarity).toBeCloseTo(a.similarity, 5);
    expect(engine.takeChanges().themes.map((theme) => theme.id)).toEqual([a.themeId]);
  });

  it('asks for a pass whenever a young space grows by an eighth, then every 500 items', () => {
    const engine = new ThemeEngine();
    const texts = [...Object.values(TOPICS).flat(), ...Object.values(OTHER_TOPICS).flat()];
    const passesAt: number[] = [];
    for (let i = 0; i < 1200; i++) {
      engine.assign(item(`n-${i}`, texts[i % texts.length]));
      if (engine.consolidationDue) {
        engine.consolidate();
        passesAt.push(engine.itemsSeen);
      }
    }
    const young = passesAt.filter((at) => at <= 500);
    expect(young.slice(0, 4)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < young.length; i++) {
      expect(young[i] - young[i - 1]).toBeGreaterThanOrEqual(Math.max(1, young[i] / 8) - 1);
    }
    expect(
      passesAt.filter((at) => at > 500).every((at, i, all) => i === 0 || at - all[i - 1] === 500),
    ).toBe(true);
  });

  it('finds the closest theme through its index once themes are many', () => {
    const engine = new ThemeEngine({ exhaustiveLimit: 4 });
    const assigned = feed(engine);
    engine.consolidate();
    expect(engine.themes().length).toBeGreaterThan(4);
    for (const topic of TOPIC_NAMES) {
      const probe = engine.assign(item(`probe-${topic}`, TOPICS[topic][0]));
      expect(engine.resolve(probe.themeId)).toBe(mainTheme(engine, assigned, topic));
    }
  });
});

/** JSON replacer keeping typed arrays as arrays (the records carry Float32Array sums). */
function floatArrays(_key: string, value: unknown): unknown {
  return value instanceof Float32Array ? [...value] : value;
}
