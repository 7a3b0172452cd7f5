import { canStandAlone, findDigitRuns, groupDigits } from './digit-runs';

describe('findDigitRuns', () => {
  it('reads groups separated by single spaces, dots, dashes and brackets', () => {
    const [run] = findDigitRuns('call +44 (0)20 7946-0958.');
    expect(run.plusAt).toBe(5);
    expect(run.groups.map((g) => [g.digits, g.separator, g.parenthesised])).toEqual([
      ['44', '', false],
      ['0', ' ', true],
      ['20', '', false],
      ['7946', ' ', false],
      ['0958', '-', false],
    ]);
    expect(groupDigits(run.groups)).toBe('4402079460958');
    expect(run.gluedStart || run.gluedEnd).toBe(false);
  });

  it('stops at anything else, so "1,234" and "10:30" are several runs', () => {
    expect(findDigitRuns('1,234 at 10:30').map((r) => groupDigits(r.groups))).toEqual([
      '1',
      '234',
      '10',
      '30',
    ]);
  });

  it('marks runs glued to words, numbers, currency or percent signs', () => {
    const glued = (text: string) => findDigitRuns(text).map((r) => [r.gluedStart, r.gluedEnd]);
    expect(glued('ID1234567')).toEqual([[true, false]]);
    expect(glued('1234567x')).toEqual([[false, true]]);
    expect(glued('£ 1234567')).toEqual([[true, false]]);
    expect(glued('#1234567')).toEqual([[true, false]]);
    expect(glued('1234567%')).toEqual([[false, true]]);
    expect(glued('1,234')).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(glued('tel:1234567')).toEqual([[false, false]]);
  });
});

describe('canStandAlone', () => {
  it('cuts a run only at spaces', () => {
    const [run] = findDigitRuns('12 020 7946-0958');
    expect(canStandAlone(run, 1, 3)).toBe(true);
    expect(canStandAlone(run, 1, 2)).toBe(false);
    expect(canStandAlone(run, 3, 3)).toBe(false);
  });
});
