import {
  activeFilterCount,
  dayOf,
  filtersFromParams,
  filtersToParams,
  NO_FILTERS,
  scoreBandsFor,
  toFilterInput,
} from './explorer-filters';

const params = (values: Record<string, string>) => (key: string) => values[key] ?? null;

describe('explorer filters', () => {
  it('reads the URL, matching enums case-insensitively and dropping unknown values', () => {
    const filters = filtersFromParams(
      params({
        source: 'survey',
        metric: 'nps',
        scoreBand: 'Detractor',
        sentimentLabel: 'NEGATIVE',
        journeyStage: 'bogus',
        themeId: ' theme-1 ',
        occurredFrom: '2026-11-01',
        occurredTo: 'not a date',
        search: '  card  ',
      }),
    );
    expect(filters).toEqual({
      ...NO_FILTERS,
      source: 'SURVEY',
      metric: 'NPS',
      scoreBand: 'detractor',
      sentimentLabel: 'NEGATIVE',
      themeId: 'theme-1',
      occurredFrom: '2026-11-01',
      search: 'card',
    });
    expect(activeFilterCount(filters)).toBe(7);
  });

  it('round-trips through query params', () => {
    const filters = { ...NO_FILTERS, source: 'CRM' as const, occurredTo: '2026-11-30' };
    const written = filtersToParams(filters);
    expect(written['source']).toBe('CRM');
    expect(written['metric']).toBeNull();
    expect(filtersFromParams((k) => written[k] ?? null)).toEqual(filters);
  });

  it('sends days as UTC instants, the last day included; instants as given', () => {
    expect(
      toFilterInput({ ...NO_FILTERS, occurredFrom: '2026-11-01', occurredTo: '2026-11-30' }),
    ).toEqual({ occurredFrom: '2026-11-01T00:00:00.000Z', occurredTo: '2026-12-01T00:00:00.000Z' });
    expect(
      toFilterInput({ ...NO_FILTERS, occurredTo: '2026-11-30T12:00:00Z', metric: 'CES' }),
    ).toEqual({ occurredTo: '2026-11-30T12:00:00Z', metric: 'CES' });
    expect(toFilterInput(NO_FILTERS)).toEqual({});
  });

  it('offers the bands of the chosen metric, or all of them', () => {
    expect(scoreBandsFor('CES')).toEqual(['difficult', 'neutral', 'easy']);
    expect(scoreBandsFor(null)).toContain('promoter');
    expect(scoreBandsFor(null).filter((b) => b === 'neutral')).toHaveLength(1);
  });

  it('shows instants as their day in a date input', () => {
    expect(dayOf('2026-11-03T10:00:00Z')).toBe('2026-11-03');
    expect(dayOf('2026-11-03')).toBe('2026-11-03');
    expect(dayOf(null)).toBe('');
  });
});
