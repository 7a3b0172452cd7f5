import { experienceGrid, JOURNEY_STAGES, sentimentBackground } from './experience-grid';

describe('experience grid', () => {
  it('puts every source down and every stage across, with the cells that have feedback filled', () => {
    const grid = experienceGrid([
      { source: 'survey', journeyStage: 'use', volume: 3, meanSentiment: -0.6 },
      { source: 'staff', journeyStage: 'buy', volume: 1, meanSentiment: null },
      { source: 'forum', journeyStage: 'leave', volume: 2, meanSentiment: 0.6 },
    ]);
    expect(grid.map((r) => r.source)).toEqual(['survey', 'social', 'crm', 'staff', 'forum']);
    expect(grid.every((r) => r.cells.length === JOURNEY_STAGES.length)).toBe(true);
    const use = grid[0]?.cells.find((c) => c.journeyStage === 'use');
    expect(use).toMatchObject({ volume: 3, meanSentiment: -0.6, background: '#f4b6b6' });
    expect(grid[0]?.cells.find((c) => c.journeyStage === 'buy')).toMatchObject({
      volume: 0,
      background: '#ffffff',
    });
    expect(grid[3]?.cells.find((c) => c.journeyStage === 'buy')?.background).toBe('#eeeeee');
    expect(grid[4]?.cells.find((c) => c.journeyStage === 'leave')?.background).toBe('#b5dfb5');
  });

  it('colours by how far from neutral the sentiment is', () => {
    expect(sentimentBackground(0)).toBe('#eeeeee');
    expect(sentimentBackground(-0.3)).toBe('#f1d2d2');
    expect(sentimentBackground(0.9)).toBe('#b5dfb5');
  });
});
