import { ThemeEngine } from './theme-engine';

const TOPICS: Record<string, string[]> = {
  arrival: [
    'my card has not arrived yet',
    'card still not arrived after a week',
    'when will my new card arrive',
    'the card I ordered has not arrived',
    'still waiting for my card to arrive',
    'how long until my card arrives',
  ],
  rate: [
    'what exchange rate do you use',
    'the exchange rate was wrong',
    'why is the exchange rate so bad',
    'exchange rate for euro payments',
    'wrong exchange rate applied to my payment',
    'which exchange rate applies abroad',
  ],
  pin: [
    'my pin is blocked',
    'how do I unblock my pin',
    'pin blocked after three attempts',
    'I forgot my pin and it is blocked',
    'unblock pin please',
    'blocked pin on my card',
  ],
};

function feed(engine: ThemeEngine, rounds = 2): Map<string, string> {
  const assigned = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 6; i++) {
      for (const [topic, texts] of Object.entries(TOPICS)) {
        const id = `${topic}-${round}-${i}`;
        const result = engine.assign({ id, text: texts[i] });
        if (result.themeId) assigned.set(id, result.themeId);
      }
    }
  }
  return assigned;
}

function themeOf(engine: ThemeEngine, assigned: Map<string, string>, id: string): string {
  return engine.resolve(assigned.get(id) ?? '');
}

describe('ThemeEngine', () => {
  it('groups items of a topic and explains each assignment', () => {
    const engine = new ThemeEngine();
    const first = engine.assign({ id: '1', text: 'my card has not arrived yet' });
    expect(first.created).toBe(true);
    expect(first.reason.kind).toBe('created-theme');
    engine.assign({ id: '2', text: 'what exchange rate do you use' });
    const second = engine.assign({ id: '3', text: 'card still not arrived' });
    expect(second.created).toBe(false);
    expect(second.themeId).toBe(first.themeId);
    expect(second.reason.kind).toBe('matched-theme');
    expect(second.reason.sharedTerms).toEqual(expect.arrayContaining(['card', 'arriv']));
    expect(second.reason.similarity).toBeGreaterThanOrEqual(second.reason.threshold);
  });

  it('sends texts without content to noise', () => {
    const engine = new ThemeEngine();
    const result = engine.assign({ id: 'x', text: 'hi, why?' });
    expect(result.themeId).toBeUndefined();
    expect(result.reason.kind).toBe('no-content');
    expect(engine.noiseItems().map((item) => item.id)).toEqual(['x']);
  });

  it('keeps theme ids stable across consolidation and labels themes distinctly', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    const before = themeOf(engine, assigned, 'arrival-0-0');
    engine.consolidate();
    expect(themeOf(engine, assigned, 'arrival-0-0')).toBe(before);
    engine.consolidate();
    expect(themeOf(engine, assigned, 'arrival-0-0')).toBe(before);
    const labels = engine.themes().map((theme) => theme.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.every((label) => label.length > 0)).toBe(true);
    expect(engine.quotes(before, 2)).toHaveLength(2);
  });

  it('records lineage when themes merge, manually or by consolidation', () => {
    const engine = new ThemeEngine();
    const a = engine.assign({ id: 'a', text: 'card not arrived' }).themeId ?? '';
    engine.assign({ id: 'b', text: 'exchange rate wrong' });
    const c = engine.assign({ id: 'c', text: 'pin blocked' }).themeId ?? '';
    engine.merge(a, [c]);
    expect(engine.resolve(c)).toBe(a);
    expect(engine.theme(c)?.status).toBe('merged');
    expect(engine.theme(c)?.mergedInto).toBe(a);
    expect(engine.theme(a)?.size).toBe(2);
  });

  it('never lets consolidation change a pinned theme', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    const pinned = themeOf(engine, assigned, 'rate-0-0');
    engine.rename(pinned, 'FX questions');
    engine.pin(pinned);
    engine.assign({ id: 'odd', text: 'exchange' });
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
    const pinTheme = themeOf(engine, assigned, 'pin-0-0');
    const rateTheme = themeOf(engine, assigned, 'rate-0-0');
    engine.moveItems([{ itemId: 'arrival-0-0' }], pinTheme);
    expect(engine.sampleIds(pinTheme)).toContain('arrival-0-0');
    for (let i = 0; i < 3; i++) {
      const report = engine.consolidate();
      expect(report.movedItems.some((move) => move.itemId === 'arrival-0-0')).toBe(false);
    }
    expect(engine.sampleIds(engine.resolve(pinTheme))).toContain('arrival-0-0');
    engine.moveItems([{ itemId: 'new-1', text: 'foreign currency conversion' }], rateTheme);
    const next = engine.assign({ id: 'new-2', text: 'foreign currency conversion' });
    expect(engine.resolve(next.themeId ?? '')).toBe(engine.resolve(rateTheme));
  });

  it('splits by chosen items and keeps the parts apart afterwards', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    const arrival = themeOf(engine, assigned, 'arrival-0-0');
    const rate = themeOf(engine, assigned, 'rate-0-0');
    engine.merge(arrival, [rate]);
    const rateItems = engine.sampleIds(arrival).filter((id) => id.startsWith('rate'));
    const created = engine.split(arrival, rateItems);
    expect(engine.theme(created)?.splitFrom).toBe(arrival);
    for (let i = 0; i < 2; i++) engine.consolidate();
    expect(engine.resolve(created)).toBe(created);
    expect(engine.resolve(arrival)).toBe(arrival);
    expect(engine.proposeSplit(arrival).length).toBeGreaterThanOrEqual(0);
  });

  it('sets tiny isolated themes aside as noise and absorbs noise later', () => {
    const engine = new ThemeEngine({ minThemeSize: 2 });
    const odd = engine.assign({ id: 'odd', text: 'lottery ticket' }).themeId ?? '';
    feed(engine, 3);
    const report = engine.consolidate();
    expect(report.noised.map((n) => n.themeId)).toContain(odd);
    expect(engine.theme(odd)?.status).toBe('noise');
    expect(engine.noiseItems().map((item) => item.id)).toContain('odd');
    for (let i = 0; i < 4; i++) engine.assign({ id: `lot-${i}`, text: 'lottery ticket question' });
    const later = engine.consolidate();
    expect(later.absorbed.map((a) => a.itemId)).toContain('odd');
  });

  it('keeps manual noise out of absorption', () => {
    const engine = new ThemeEngine();
    const assigned = feed(engine);
    const pin = themeOf(engine, assigned, 'pin-0-0');
    engine.markNoise(pin);
    expect(engine.theme(pin)?.status).toBe('noise');
    const report = engine.consolidate();
    expect(report.absorbed).toEqual([]);
  });

  it('round-trips through a JSON snapshot', () => {
    const engine = new ThemeEngine({ seed: 7 });
    feed(engine);
    engine.consolidate();
    const restored = ThemeEngine.restore(JSON.parse(JSON.stringify(engine.snapshot())));
    expect(restored.themes()).toEqual(engine.themes());
    expect(restored.snapshot()).toEqual(engine.snapshot());
    const a = engine.assign({ id: 'n', text: 'my card has not arrived' });
    const b = restored.assign({ id: 'n', text: 'my card has not arrived' });
    expect(b).toEqual(a);
    expect(restored.consolidate()).toEqual(engine.consolidate());
  });
});
