/** One group of digits inside a run, e.g. `7946` in `020 7946 0958`. */
export interface DigitGroup {
  digits: string;
  /** Offset of the group, including its opening bracket when parenthesised. */
  start: number;
  /** Offset just after the group, including its closing bracket when parenthesised. */
  end: number;
  parenthesised: boolean;
  /** What separates this group from the previous one ('' for the first group or after a bracket). */
  separator: string;
}

/**
 * A run of digit groups separated by single spaces, dots, dashes or brackets, as phone and card
 * numbers are written: `+44 (0)20 7946 0958`, `4111-1111-1111-1111`, `(415) 555.2671`.
 */
export interface DigitRun {
  groups: DigitGroup[];
  /** Offset of a leading `+`, or -1. */
  plusAt: number;
  /** The run continues a word or a number on the left (`ID123…`, `1,234…`, `10:30`, `£25…`, `#123…`). */
  gluedStart: boolean;
  /** The run continues into a word or a number on the right (`…123abc`, `…1,5`, `…10%`). */
  gluedEnd: boolean;
}

const DIGIT = /\d/;
const SPACE = /[ \u00a0]/;
const WORDISH = /[\p{L}\p{N}_@]/u;
const CURRENCY = /[£$€¥₹]/;
const NUMBER_PUNCTUATION = /[.,:/-]/;

/** All digit runs of `text`, left to right. */
export function findDigitRuns(text: string): DigitRun[] {
  const runs: DigitRun[] = [];
  if (!DIGIT.test(text)) return runs;
  let i = 0;
  while (i < text.length) {
    const run = readRun(text, i);
    if (run) {
      runs.push(run);
      i = run.groups[run.groups.length - 1].end;
    } else {
      i++;
    }
  }
  return runs;
}

/** The digits of groups `from..to` (inclusive). */
export function groupDigits(
  groups: readonly DigitGroup[],
  from = 0,
  to = groups.length - 1,
): string {
  let digits = '';
  for (let g = from; g <= to; g++) digits += groups[g].digits;
  return digits;
}

function readRun(text: string, at: number): DigitRun | undefined {
  let pos = at;
  let plusAt = -1;
  if (text[pos] === '+' && DIGIT.test(text[pos + 1] ?? '')) {
    plusAt = pos;
    pos++;
  }
  const first = readGroup(text, pos, '');
  if (!first) return undefined;
  const groups = [first];
  pos = first.end;
  for (;;) {
    const next = readSeparatedGroup(text, pos);
    if (!next) break;
    groups.push(next);
    pos = next.end;
  }
  const start = plusAt >= 0 ? plusAt : first.start;
  return {
    groups,
    plusAt,
    gluedStart: isGluedBefore(text, start),
    gluedEnd: isGluedAfter(text, pos),
  };
}

/** A group at `pos`: digits, or digits in brackets like `(0)` or `(415)`. */
function readGroup(text: string, pos: number, separator: string): DigitGroup | undefined {
  if (text[pos] === '(') {
    const close = readDigits(text, pos + 1);
    if (close === pos + 1 || close - pos - 1 > 5 || text[close] !== ')') return undefined;
    return {
      digits: text.slice(pos + 1, close),
      start: pos,
      end: close + 1,
      parenthesised: true,
      separator,
    };
  }
  const end = readDigits(text, pos);
  if (end === pos) return undefined;
  return { digits: text.slice(pos, end), start: pos, end, parenthesised: false, separator };
}

/** The next group after one separator character (space, dot, dash), or straight after a bracket. */
function readSeparatedGroup(text: string, pos: number): DigitGroup | undefined {
  const char = text[pos] ?? '';
  if (SPACE.test(char) || char === '.' || char === '-') {
    const next = text[pos + 1] ?? '';
    if (DIGIT.test(next) || (next === '(' && char !== '.')) return readGroup(text, pos + 1, char);
    return undefined;
  }
  if (text[pos - 1] === ')' && DIGIT.test(char)) return readGroup(text, pos, '');
  return undefined;
}

function readDigits(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && DIGIT.test(text[end])) end++;
  return end;
}

function isGluedBefore(text: string, start: number): boolean {
  const before = text[start - 1] ?? '';
  if (before === '') return false;
  if (WORDISH.test(before) || before === '#' || before === '+' || CURRENCY.test(before))
    return true;
  if (SPACE.test(before) && CURRENCY.test(text[start - 2] ?? '')) return true;
  return NUMBER_PUNCTUATION.test(before) && DIGIT.test(text[start - 2] ?? '');
}

function isGluedAfter(text: string, end: number): boolean {
  const after = text[end] ?? '';
  if (after === '') return false;
  if (WORDISH.test(after) || after === '%') return true;
  return NUMBER_PUNCTUATION.test(after) && DIGIT.test(text[end + 1] ?? '');
}

/**
 * Whether groups `from..to` of `run` can be read as a number of their own: not glued to a word or
 * number outside the run, and cut from the rest of the run only at a space (never inside
 * `1.234.567` or `2024-01-15`).
 */
export function canStandAlone(run: DigitRun, from: number, to: number): boolean {
  const { groups } = run;
  const startOk = from === 0 ? !run.gluedStart : SPACE.test(groups[from].separator);
  const endOk = to === groups.length - 1 ? !run.gluedEnd : SPACE.test(groups[to + 1].separator);
  return startOk && endOk;
}

/** Offsets covered by groups `from..to`, including the leading `+` when `from` is the first group. */
export function spanOfGroups(
  run: DigitRun,
  from: number,
  to: number,
): { start: number; end: number } {
  const start = from === 0 && run.plusAt >= 0 ? run.plusAt : run.groups[from].start;
  return { start, end: run.groups[to].end };
}
