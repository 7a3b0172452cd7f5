import { flattenSourceDetails } from './source-detail';

describe('flattenSourceDetails', () => {
  it('flattens nested objects and metadata, leaving out empties and redactions', () => {
    expect(
      flattenSourceDetails({
        platform: 'X',
        url: null,
        reach: { followers: 1200, likes: 3 },
        isPublic: true,
        metadata: { campaign: 'spring' },
        redactions: [{ kind: 'email' }],
        tags: [],
      }),
    ).toEqual([
      { key: 'isPublic', value: 'true' },
      { key: 'metadata.campaign', value: 'spring' },
      { key: 'platform', value: 'X' },
      { key: 'reach.followers', value: '1200' },
      { key: 'reach.likes', value: '3' },
    ]);
  });

  it('answers nothing for missing or odd details, and bounds long values', () => {
    expect(flattenSourceDetails(null)).toEqual([]);
    expect(flattenSourceDetails(['a'])).toEqual([]);
    const [entry] = flattenSourceDetails({ note: 'x'.repeat(600) });
    expect(entry?.value).toHaveLength(501);
  });
});
