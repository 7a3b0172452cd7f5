import { canStandAlone, DigitRun, spanOfGroups } from './digit-runs';
import { isLuhnValid } from './luhn';
import { IsFree, RedactionMatch } from './redaction-match';

/** How card numbers are printed: 4-4-4-4 (16), 4-6-5 (Amex, 15), 4-6-4 (Diners, 14), … */
const USUAL_GROUPINGS = new Set([
  '4 4 4 4',
  '4 4 4 4 3',
  '4 6 5',
  '4 6 4',
  '4 4 4 3',
  '4 4 5',
  '4 4 4 1',
]);

interface Candidate {
  from: number;
  to: number;
  /** Starts like a card network's numbers and has one of its lengths. */
  known: boolean;
  /** Written together or grouped as cards are printed. */
  usual: boolean;
  length: number;
}

/**
 * Payment card numbers: 13–19 digits, written together or in groups separated by single spaces or
 * dashes, not starting with 0 or `+`, that pass the Luhn check. A run holding more digits (a card
 * next to another number, as in "in 2024 4111 1111 1111 1111") is searched for stretches of whole
 * groups that are cards; stretches starting like a card network's numbers, with one of its
 * lengths (Visa 4…, 13–19 digits; Mastercard 51–55 or 2221–2720, 16; Amex 34/37, 15; …) are preferred, then the usual groupings, then longer
 * ones. Groups must be written as
 * on cards: all together, or a first group of four followed by groups of three to six (the last
 * may be shorter), like 4-4-4-4, 4-6-5 or 4-4-4-4-3.
 */
export function findCardNumbers(runs: readonly DigitRun[], isFree: IsFree): RedactionMatch[] {
  const matches: RedactionMatch[] = [];
  for (const run of runs) {
    const candidates: Candidate[] = [];
    for (let from = 0; from < run.groups.length; from++)
      candidates.push(...cardsFrom(run, from, isFree));
    // Known networks first, then usual groupings, then the most digits, then leftmost.
    candidates.sort(
      (a, b) =>
        Number(b.known) - Number(a.known) ||
        Number(b.usual) - Number(a.usual) ||
        b.length - a.length ||
        a.from - b.from,
    );
    const taken: Candidate[] = [];
    for (const candidate of candidates) {
      if (taken.some((t) => candidate.from <= t.to && t.from <= candidate.to)) continue;
      taken.push(candidate);
      matches.push({ ...spanOfGroups(run, candidate.from, candidate.to), kind: 'card' });
    }
  }
  return matches;
}

function cardsFrom(run: DigitRun, from: number, isFree: IsFree): Candidate[] {
  const { groups } = run;
  if ((from === 0 && run.plusAt >= 0) || groups[from].digits.startsWith('0')) return [];
  const candidates: Candidate[] = [];
  let digits = '';
  for (let to = from; to < groups.length; to++) {
    const group = groups[to];
    const separatorOk = to === from || group.separator === ' ' || group.separator === '-';
    if (group.parenthesised || !separatorOk) break;
    digits += group.digits;
    if (digits.length > 19) break;
    if (digits.length < 13 || !canStandAlone(run, from, to) || !isLuhnValid(digits)) continue;
    if (!isCardGrouping(groups.slice(from, to + 1).map((g) => g.digits.length))) continue;
    const { start, end } = spanOfGroups(run, from, to);
    if (!isFree(start, end)) continue;
    const lengths = groups.slice(from, to + 1).map((g) => g.digits.length);
    candidates.push({
      from,
      to,
      known: hasCardNetworkPrefix(digits),
      usual: lengths.length === 1 || USUAL_GROUPINGS.has(lengths.join(' ')),
      length: digits.length,
    });
  }
  return candidates;
}

function isCardGrouping(lengths: readonly number[]): boolean {
  if (lengths.length === 1) return true;
  const middle = lengths.slice(1, -1);
  const last = lengths[lengths.length - 1];
  return lengths[0] === 4 && middle.every((l) => l >= 3 && l <= 6) && last <= 6;
}

/**
 * Card networks by the start of their numbers (IIN ranges, as [first, last] prefixes of the same
 * length) and the lengths their numbers have.
 */
const CARD_NETWORKS: readonly {
  prefixes: readonly [number, number][];
  lengths: [number, number];
}[] = [
  { prefixes: [[4, 4]], lengths: [13, 19] }, // Visa
  {
    prefixes: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16, 16],
  }, // Mastercard
  {
    prefixes: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15, 15],
  }, // American Express
  {
    prefixes: [
      [6011, 6011],
      [644, 649],
      [65, 65],
    ],
    lengths: [16, 19],
  }, // Discover
  {
    prefixes: [
      [300, 305],
      [36, 36],
      [38, 39],
    ],
    lengths: [14, 19],
  }, // Diners Club
  { prefixes: [[3528, 3589]], lengths: [16, 19] }, // JCB
  { prefixes: [[62, 62]], lengths: [16, 19] }, // UnionPay
  {
    prefixes: [
      [50, 50],
      [56, 69],
    ],
    lengths: [13, 19],
  }, // Maestro
  { prefixes: [[2200, 2204]], lengths: [16, 19] }, // Mir
  {
    prefixes: [
      [60, 60],
      [81, 82],
      [508, 508],
    ],
    lengths: [16, 16],
  }, // RuPay
];

/** Whether the number starts like a card network's numbers and has one of its lengths. */
function hasCardNetworkPrefix(digits: string): boolean {
  return CARD_NETWORKS.some(
    ({ prefixes, lengths: [min, max] }) =>
      digits.length >= min &&
      digits.length <= max &&
      prefixes.some(([first, last]) => {
        const prefix = Number(digits.slice(0, String(first).length));
        return prefix >= first && prefix <= last;
      }),
  );
}
