import { normaliseEmail } from './normalise-email';
import { scoreBand } from './score-band';

describe('scoreBand', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ] as const)('NPS %d is %s', (score, band) => expect(scoreBand('NPS', score)).toBe(band));

  it.each([
    [1, 'dissatisfied'],
    [2, 'dissatisfied'],
    [3, 'neutral'],
    [4, 'satisfied'],
    [5, 'satisfied'],
  ] as const)('CSAT %d is %s', (score, band) => expect(scoreBand('CSAT', score)).toBe(band));

  it.each([
    [1, 'difficult'],
    [3, 'difficult'],
    [4, 'neutral'],
    [5, 'easy'],
    [7, 'easy'],
  ] as const)('CES %d is %s', (score, band) => expect(scoreBand('CES', score)).toBe(band));
});

describe('normaliseEmail', () => {
  it('lower-cases and trims', () =>
    expect(normaliseEmail('  Ada@Example.COM ')).toBe('ada@example.com'));
});
