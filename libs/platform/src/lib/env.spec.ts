import { z } from 'zod';
import { envChoices, envFlag, envList, loadConfig } from './env';

describe('loadConfig', () => {
  const schema = z.object({
    FLAG: envFlag(false),
    LIST: envList('a:1'),
    N: z.coerce.number().int(),
  });

  it('applies defaults and parses flags and lists', () => {
    expect(loadConfig(schema, { N: '3', FLAG: '1' })).toEqual({ FLAG: true, LIST: ['a:1'], N: 3 });
    expect(loadConfig(schema, { N: '3', FLAG: 'false', LIST: 'x:1,,y:2 ' })).toEqual({
      FLAG: false,
      LIST: ['x:1', 'y:2'],
      N: 3,
    });
  });

  it('names each invalid variable', () => {
    expect(() => loadConfig(schema, { N: 'x', FLAG: 'yes' })).toThrow(
      /Invalid configuration:\n {2}FLAG: .*\n {2}N: /,
    );
  });

  describe('envChoices', () => {
    const stages = z.object({ STAGES: envChoices(['intake', 'theming'], ['intake', 'theming']) });

    it('defaults to the fallback and keeps the choices given, once each', () => {
      expect(loadConfig(stages, {})).toEqual({ STAGES: ['intake', 'theming'] });
      expect(loadConfig(stages, { STAGES: 'theming' })).toEqual({ STAGES: ['theming'] });
      expect(loadConfig(stages, { STAGES: ' theming, intake ,theming' })).toEqual({
        STAGES: ['theming', 'intake'],
      });
    });

    it('names an unknown choice and an empty list', () => {
      expect(() => loadConfig(stages, { STAGES: 'intake,enrich' })).toThrow(
        /STAGES\.1: "enrich" is not one of intake, theming/,
      );
      expect(() => loadConfig(stages, { STAGES: ' , ' })).toThrow(
        /STAGES: name at least one of intake, theming/,
      );
    });
  });
});
