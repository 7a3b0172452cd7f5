import { extractTerms } from './extract-terms';
import { tokeniseText } from './tokenise-text';

describe('tokeniseText', () => {
  it('drops stop words and numbers, stems, and keeps negations as "not"', () => {
    const tokens = tokeniseText("My card hasn't arrived after 10 days");
    expect(tokens.map((token) => token.stem)).toEqual(['card', 'not', 'arriv', 'day']);
    expect(tokens.map((token) => token.surface)).toEqual(['card', 'not', 'arrived', 'days']);
  });

  it('extracts unigrams and adjacent bigrams', () => {
    expect(extractTerms(tokeniseText('exchange rate wrong'))).toEqual([
      'exchang',
      'exchang rate',
      'rate',
      'rate wrong',
      'wrong',
    ]);
  });
});
