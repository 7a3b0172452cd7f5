import { DEFAULT_PUBLIC_ANSWER_THRESHOLD, needsPublicAnswer } from './needs-public-answer';

describe('needsPublicAnswer', () => {
  const post = { sentiment: -0.6, followers: 5000, isPublic: true };

  it('is true for a public, negative post with a large audience', () =>
    expect(needsPublicAnswer(post)).toBe(true));

  it('is false for a private post', () =>
    expect(needsPublicAnswer({ ...post, isPublic: false })).toBe(false));

  it('is false for a post that is not negative enough', () => {
    expect(needsPublicAnswer({ ...post, sentiment: -0.29 })).toBe(false);
    expect(needsPublicAnswer({ ...post, sentiment: 0.8 })).toBe(false);
  });

  it('is false for a small audience', () =>
    expect(needsPublicAnswer({ ...post, followers: 999 })).toBe(false));

  it('includes both thresholds', () =>
    expect(needsPublicAnswer({ sentiment: -0.3, followers: 1000, isPublic: true })).toBe(true));

  it('takes other thresholds', () => {
    const strict = { sentiment: -0.7, followers: 10_000 };
    expect(needsPublicAnswer(post, strict)).toBe(false);
    expect(needsPublicAnswer({ ...post, sentiment: -0.8, followers: 20_000 }, strict)).toBe(true);
  });

  it('never answers on missing numbers', () => {
    expect(needsPublicAnswer({ ...post, sentiment: Number.NaN })).toBe(false);
    expect(needsPublicAnswer({ ...post, followers: Number.NaN })).toBe(false);
  });

  it('defaults to sentiment -0.3 and 1000 followers', () =>
    expect(DEFAULT_PUBLIC_ANSWER_THRESHOLD).toEqual({ sentiment: -0.3, followers: 1000 }));
});
