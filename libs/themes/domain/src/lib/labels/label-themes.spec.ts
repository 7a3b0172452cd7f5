import { labelThemes } from './label-themes';

describe('labelThemes', () => {
  it('picks distinctive key phrases and keeps labels distinct', () => {
    const labels = labelThemes([
      {
        themeId: 'a',
        size: 3,
        texts: ['My card has not arrived', 'card not arrived yet', 'Why has my card not arrived?'],
      },
      {
        themeId: 'b',
        size: 3,
        texts: ['What exchange rate do you use?', 'bad exchange rate', 'exchange rate for euros'],
      },
      { themeId: 'c', size: 2, texts: ['exchange rate again', 'the exchange rate'] },
    ]);
    expect(labels.get('a')).toBe('card not arrived');
    expect(labels.get('b')).toBe('exchange rate');
    expect(labels.get('c')).not.toBe('exchange rate');
    expect(new Set(labels.values()).size).toBe(3);
  });

  it('keeps fixed labels and never reuses them', () => {
    const labels = labelThemes([
      { themeId: 'a', size: 1, texts: ['refund please'], fixedLabel: 'refund' },
      { themeId: 'b', size: 5, texts: ['refund', 'refund'] },
    ]);
    expect(labels.get('a')).toBe('refund');
    expect(labels.get('b')).not.toBe('refund');
  });
});
