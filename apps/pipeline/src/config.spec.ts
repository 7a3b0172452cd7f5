import { loadPipelineConfig } from './config';

describe('pipeline configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/closedloop' };

  it('runs every stage unless PIPELINE_STAGES names some', () => {
    process.env = { ...base };
    expect(loadPipelineConfig().PIPELINE_STAGES).toEqual([
      'intake',
      'theming',
      'tracking',
      'dead-letters',
    ]);
    process.env = { ...base, PIPELINE_STAGES: 'theming' };
    expect(loadPipelineConfig().PIPELINE_STAGES).toEqual(['theming']);
    process.env = { ...base, PIPELINE_STAGES: 'intake, theming' };
    expect(loadPipelineConfig().PIPELINE_STAGES).toEqual(['intake', 'theming']);
  });

  it('fails at boot on an unknown or empty stage list, naming the variable', () => {
    process.env = { ...base, PIPELINE_STAGES: 'intake,notify' };
    expect(() => loadPipelineConfig()).toThrow(
      /PIPELINE_STAGES\.1: "notify" is not one of intake, theming, tracking/,
    );
    process.env = { ...base, PIPELINE_STAGES: '' };
    expect(() => loadPipelineConfig()).toThrow(
      /PIPELINE_STAGES: name at least one of intake, theming/,
    );
  });
});
