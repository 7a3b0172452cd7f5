import { labelFor, scoreSentiment, SENTIMENT_THRESHOLDS } from './score-sentiment';

describe('scoreSentiment', () => {
  it.each([
    'The support team was brilliant, thank you so much!',
    'I love the new app, it is fast and easy to use.',
    'Great service, highly recommend.',
  ])('clear praise is positive: %s', (text) => {
    const { score, label } = scoreSentiment(text);
    expect(label).toBe('positive');
    expect(score).toBeGreaterThan(0.5);
  });

  it.each([
    'Terrible service, I hate this bank.',
    'The app is awful and keeps crashing. Worst experience ever.',
    'The fees are ridiculous and the staff were rude. Very disappointed!',
  ])('clear complaints are negative: %s', (text) => {
    const { score, label } = scoreSentiment(text);
    expect(label).toBe('negative');
    expect(score).toBeLessThan(-0.3);
  });

  it.each([
    ['not good', 'negative'],
    ['The staff were not helpful', 'negative'],
    ['I am not happy with the fees', 'negative'],
    ['would not recommend', 'negative'],
    ["isn't bad", 'positive'],
    ['not bad at all', 'positive'],
    ['never had a problem', 'positive'],
  ] as const)('negation: "%s" is %s', (text, label) =>
    expect(scoreSentiment(text).label).toBe(label),
  );

  it.each([
    'Never again.',
    'I will never use this bank again',
    'It could be better',
    'Still waiting for my refund',
    'The transfer took forever',
  ])('feedback phrases the lexicon scores neutral or positive are negative: %s', (text) =>
    expect(scoreSentiment(text).label).toBe('negative'),
  );

  it.each([
    ["didn't work", 'negative'],
    ['didnt work', 'negative'],
    ['my card stopped working', 'negative'],
    ['I cannot recommend this bank', 'negative'],
    ['The agent isn’t helpful at all', 'negative'],
    ['no problem at all', 'positive'],
    ['nothing to complain about', 'positive'],
    ['never had any problems with this bank', 'positive'],
  ] as const)('negation as customers write it: "%s" is %s', (text, label) =>
    expect(scoreSentiment(text).label).toBe(label),
  );

  it.each([
    ['Nice app but the fees are terrible', 'negative'],
    ['The fees are high but the app is great', 'positive'],
  ] as const)('what follows "but" weighs more: "%s" is %s', (text, label) =>
    expect(scoreSentiment(text).label).toBe(label),
  );

  it.each([
    ['The card was declined again 😡', 'negative'],
    ['Thanks 👍', 'positive'],
    ['Card blocked :(', 'negative'],
  ] as const)('emojis and emoticons count: "%s" is %s', (text, label) =>
    expect(scoreSentiment(text).label).toBe(label),
  );

  it.each([
    'How does a top-up work?',
    'How do I top up my card?',
    'Is my cash withdrawal still pending?',
    'What are the fees for top-ups?',
  ])('banking words the lexicon reads as feelings are neutral: %s', (text) =>
    expect(scoreSentiment(text)).toEqual({ score: 0, label: 'neutral' }),
  );

  it.each(['', '   ', 'How do I locate my card?', 'order 12345'])('"%s" is neutral', (text) =>
    expect(scoreSentiment(text)).toEqual({ score: 0, label: 'neutral' }),
  );

  it('keeps the score between -1 and 1', () => {
    const ranted = 'never again! '.repeat(50) + 'HORRIBLE!!! awful, worst, hate it';
    const { score } = scoreSentiment(ranted);
    expect(score).toBeGreaterThanOrEqual(-1);
    expect(score).toBeLessThan(-0.9);
  });

  it('labels by the documented thresholds', () => {
    expect(SENTIMENT_THRESHOLDS).toEqual({ positive: 0.05, negative: -0.05 });
    expect(labelFor(0.05)).toBe('positive');
    expect(labelFor(0.0499)).toBe('neutral');
    expect(labelFor(-0.0499)).toBe('neutral');
    expect(labelFor(-0.05)).toBe('negative');
  });

  it('scores words that are also names on Object.prototype as plain words, never as NaN', () => {
    // Found by the stored-XSS corpus: an Angular template-injection payload made intake fail.
    for (const text of [
      'constructor',
      "{{constructor.constructor('alert(1)')()}}",
      'The site constructor is great',
      'toString valueOf hasOwnProperty __proto__ isPrototypeOf',
    ]) {
      const { score } = scoreSentiment(text);
      expect(Number.isFinite(score)).toBe(true);
    }
    expect(scoreSentiment('The site constructor is great').score).toBe(
      scoreSentiment('The site builder is great').score,
    );
  });
});
