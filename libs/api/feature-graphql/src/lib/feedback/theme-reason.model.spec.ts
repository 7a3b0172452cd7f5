import { toThemeReason } from './theme-reason.model';

describe('toThemeReason', () => {
  it('reads the stored reason and drops what is malformed', () => {
    expect(
      toThemeReason({
        kind: 'created-theme',
        sharedTerms: ['card', 3, 'paying'],
        similarity: 0.5,
        threshold: 'high',
        nearestThemeId: 'default:theme-1',
      }),
    ).toEqual({
      kind: 'created-theme',
      sharedTerms: ['card', 'paying'],
      similarity: 0.5,
      threshold: null,
      nearestThemeId: 'default:theme-1',
    });
    expect(toThemeReason({})).toEqual({
      kind: 'unknown',
      sharedTerms: [],
      similarity: null,
      threshold: null,
      nearestThemeId: null,
    });
    expect(toThemeReason(null)).toBeNull();
    expect(toThemeReason([1])).toBeNull();
    expect(toThemeReason('matched')).toBeNull();
  });
});
