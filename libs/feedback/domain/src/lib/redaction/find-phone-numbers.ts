import { canStandAlone, DigitGroup, DigitRun, groupDigits, spanOfGroups } from './digit-runs';
import { IsFree, RedactionMatch } from './redaction-match';

/**
 * Lengths of the national number (without country code or trunk 0) for calling codes whose
 * numbering plan has a fixed or narrow length. Other codes accept any length that fits E.164.
 */
const NATIONAL_LENGTHS: Readonly<Record<string, readonly [number, number]>> = {
  '1': [10, 10],
  '7': [10, 10],
  '27': [9, 9],
  '30': [10, 10],
  '31': [9, 9],
  '32': [8, 9],
  '33': [9, 9],
  '34': [9, 9],
  '36': [8, 9],
  '40': [9, 9],
  '41': [9, 9],
  '44': [9, 10],
  '45': [8, 8],
  '47': [8, 8],
  '48': [9, 9],
  '52': [10, 10],
  '61': [9, 9],
  '65': [8, 8],
  '90': [10, 10],
  '91': [10, 10],
  '351': [9, 9],
  '353': [7, 9],
};

/** Words just before a number that say it is a phone number. */
const PHONE_CONTEXT =
  /\b(?:call(?:ed|ing)?|phone(?:d)?|tel(?:ephone)?|mobile|mob|cell(?:phone)?|ring|rang|text(?:ed)?|sms|whats ?app|fax|landline|hotline|helpline|dial(?:l?ed)?|number|contact)\b[^.!?\n]{0,30}$/i;

/** Words just before a number that say it is a reference of some kind, not a phone number. */
const REFERENCE_CONTEXT =
  /(?:\b(?:order|ref|reference|invoice|ticket|case|account|acct|transaction|txn|tracking|customer|member(?:ship)?|policy|booking|reservation|confirmation|receipt|parcel|shipment|serial|model|sku|item|product|claim|complaint|application|voucher|coupon|promo|code|pin|otp|id|version|sort code)\b(?:\s*(?:number|no\.?|nr\.?|num|id|ref|code|is|was|[#:-]))*\s*|#\s*)$/i;

/**
 * Phone numbers of 7 to 15 digits:
 * - international: `+44 20 7946 0958`, `+1 (415) 555-2671`, `+44 (0)20 7946 0958`, `0044 20 7946 0958`
 *   (for common calling codes the national length must fit the numbering plan);
 * - national with a trunk 0, written in groups: `020 7946 0958`, `01 23 45 67 89`, `(030) 1234567`;
 * - North American in groups: `(415) 555-2671`, `415.555.2671`, `1-415-555-2671`;
 * - unless preceded by a reference word (order, ref, invoice, ticket, account, #…): `07700900123`
 *   written together, and local numbers like `555-2671`;
 * - anything else of 7–15 digits only after a phone word (call, phone, mobile, number, text…) and
 *   not after a reference word.
 * Dates, year lists, IP addresses, decimals, thousands, time ranges and ZIP+4 codes are never phones.
 * With `only: 'by-shape'`, just the first three kinds (sure by their shape alone) are looked for.
 */
export function findPhoneNumbers(
  text: string,
  runs: readonly DigitRun[],
  isFree: IsFree,
  only: 'by-shape' | 'all' = 'all',
): RedactionMatch[] {
  const matches: RedactionMatch[] = [];
  for (const run of runs) {
    const cardLike = cardLikeGroups(run);
    let candidates: Candidate[] = [];
    for (let from = 0; from < run.groups.length; from++)
      candidates.push(...phonesFrom(text, run, from, isFree, cardLike));
    if (only === 'by-shape') candidates = candidates.filter((c) => c.strength === Strength.Shape);
    // Strongest first, then leftmost, then longest.
    candidates.sort((a, b) => a.strength - b.strength || a.from - b.from || b.to - a.to);
    const taken: Candidate[] = [];
    for (const candidate of candidates) {
      if (taken.some((t) => candidate.from <= t.to && t.from <= candidate.to)) continue;
      taken.push(candidate);
      matches.push({ ...spanOfGroups(run, candidate.from, candidate.to), kind: 'phone' });
    }
  }
  return matches;
}

/** How sure the shape alone makes us: lower is surer. */
const enum Strength {
  /** International, national with a trunk 0 in groups, North American in groups. */
  Shape = 0,
  /** Written together with a trunk 0, or a local `555-2671`: unless after a reference word. */
  ShapeUnlessReference = 1,
  /** Any other 7–15 digits: only after a phone word. */
  Context = 2,
}

interface Candidate {
  from: number;
  to: number;
  strength: Strength;
}

/**
 * Indexes of groups that are part of a card-like grouping (4-4-4-4, 4-6-5, 4-6-4): these are never
 * read as phone numbers, not even in part, so that a card in a longer run stays whole.
 */
function cardLikeGroups(run: DigitRun): Set<number> {
  const lengths = run.groups.map((g) => g.digits.length);
  const indexes = new Set<number>();
  const mark = (from: number, count: number) => {
    for (let i = from; i < from + count; i++) indexes.add(i);
  };
  for (let i = 0; i < lengths.length; i++) {
    const [a, b, c, d] = lengths.slice(i, i + 4);
    if (a === 4 && b === 4 && c === 4 && d === 4) mark(i, 4);
    if (a === 4 && b === 6 && (c === 4 || c === 5)) mark(i, 3);
  }
  return indexes;
}

function phonesFrom(
  text: string,
  run: DigitRun,
  from: number,
  isFree: IsFree,
  cardLike: ReadonlySet<number>,
): Candidate[] {
  const plus = from === 0 && run.plusAt >= 0;
  const candidates: Candidate[] = [];
  let digitCount = 0;
  for (let to = from; to < run.groups.length; to++) {
    digitCount += run.groups[to].digits.length;
    if (digitCount > 17 || cardLike.has(to)) break;
    if (!canStandAlone(run, from, to)) continue;
    const { start, end } = spanOfGroups(run, from, to);
    const groups = run.groups.slice(from, to + 1);
    const before = text.slice(Math.max(0, start - 40), start);
    const strength = phoneStrength(groups, plus, before);
    if (strength !== undefined && isFree(start, end)) candidates.push({ from, to, strength });
  }
  return candidates;
}

function phoneStrength(
  groups: readonly DigitGroup[],
  plus: boolean,
  before: string,
): Strength | undefined {
  const digits = groupDigits(groups);
  // Phone numbers do not end in a single digit written apart ("call 030 1234567 1 time").
  if (groups.length > 1 && groups[groups.length - 1].digits.length < 2) return undefined;
  if (plus) return isInternational(groups, 0) ? Strength.Shape : undefined;
  if (digits.startsWith('00')) {
    const international = isInternational(groups, 2) && (groups.length > 1 || digits.length >= 11);
    return international ? Strength.Shape : undefined;
  }
  if (digits.length < 7 || digits.length > 15 || isOtherNumber(groups)) return undefined;
  if (isNorthAmerican(groups) || isNationalWithTrunk(groups)) return Strength.Shape;
  if (REFERENCE_CONTEXT.test(before)) return undefined;
  const together = groups.length === 1 && /^0[1-9]\d{8,9}$/.test(digits);
  if (together || isLocalNorthAmerican(groups)) return Strength.ShapeUnlessReference;
  return PHONE_CONTEXT.test(before) ? Strength.Context : undefined;
}

/** `+CC …` or `00CC …`: `skip` leading digits are the international prefix. */
function isInternational(groups: readonly DigitGroup[], skip: number): boolean {
  const digits = groupDigits(groups).slice(skip);
  if (digits.length < 7 || digits.length > 15) return false;
  const code = [1, 2, 3].map((n) => digits.slice(0, n)).find((c) => NATIONAL_LENGTHS[c]);
  if (code === undefined) return true;
  const trunk = groups.some((g) => g.parenthesised && g.digits === '0') ? 1 : 0;
  const national = digits.length - code.length - trunk;
  const [min, max] = NATIONAL_LENGTHS[code];
  return national >= min && national <= max;
}

/**
 * `(415) 555-2671`, `415-555-2671`, `415.555.2671`, `1 415 555 2671`: area code and exchange
 * both start with 2–9 (NANP).
 */
function isNorthAmerican(groups: readonly DigitGroup[]): boolean {
  const body = groups.length === 4 && groups[0].digits === '1' ? groups.slice(1) : groups;
  // A leading 1 is written like the rest: 1-415-555-2671, 1 415 555 2671, 1 (415) 555-2671.
  const prefixOk =
    body === groups || body[0].parenthesised || body[0].separator === body[1].separator;
  return (
    prefixOk &&
    body.length === 3 &&
    body[0].digits.length === 3 &&
    /^[2-9]/.test(body[0].digits) &&
    /^[2-9]\d\d$/.test(body[1].digits) &&
    body[2].digits.length === 4 &&
    !body[1].parenthesised &&
    !body[2].parenthesised
  );
}

/** `555-2671` or `555.2671`. */
function isLocalNorthAmerican(groups: readonly DigitGroup[]): boolean {
  return (
    groups.length === 2 &&
    /^[2-9]\d\d$/.test(groups[0].digits) &&
    groups[1].digits.length === 4 &&
    (groups[1].separator === '-' || groups[1].separator === '.')
  );
}

/**
 * In groups, starting with a trunk 0 and an area code, then either pairs (`01 23 45 67 89`) or
 * groups of three or more digits (`020 7946 0958`, `030 1234567`).
 */
function isNationalWithTrunk(groups: readonly DigitGroup[]): boolean {
  const digits = groupDigits(groups);
  const rest = groups.slice(1).map((g) => g.digits.length);
  return (
    groups.length > 1 &&
    /^0[1-9]/.test(digits) &&
    groups[0].digits.length >= 2 &&
    digits.length <= 12 &&
    !groups.slice(1).some((g) => g.parenthesised) &&
    (rest.every((l) => l === 2) || rest.every((l) => l >= 3))
  );
}

/** Numbers that are written like phone numbers but are something else. */
function isOtherNumber(groups: readonly DigitGroup[]): boolean {
  const lengths = groups.map((g) => g.digits.length);
  const separators = groups.slice(1).map((g) => g.separator);
  const isYear = (g: DigitGroup) => /^(?:19|20)\d\d$/.test(g.digits);
  const upTo = (g: DigitGroup, max: number) => g.digits.length <= 2 && Number(g.digits) <= max;
  // 2024-01-15, 15.01.2024, 15 01 2024, and dates followed by other numbers (2024-01-15 10)
  for (let i = 0; i + 3 <= groups.length; i++) {
    const [a, b, c] = groups.slice(i, i + 3);
    const joined = b.separator === c.separator && (b.separator !== ' ' || groups.length === 3);
    const date =
      (isYear(a) && upTo(b, 31) && upTo(c, 31)) || (upTo(a, 31) && upTo(b, 31) && isYear(c));
    if (joined && date) return true;
  }
  // 2019-2024, 2019 2020 2021
  if (groups.length > 1 && groups.every(isYear)) return true;
  // 192.168.0.1
  if (
    groups.length === 4 &&
    separators.every((s) => s === '.') &&
    groups.every((g) => g.digits.length <= 3 && Number(g.digits) <= 255)
  )
    return true;
  // 1234567.89, 0.0001234
  if (groups.length === 2 && separators[0] === '.') return true;
  // 1.234.567
  if (
    groups.length > 1 &&
    separators.every((s) => s === '.') &&
    /^[1-9]\d{0,2}$/.test(groups[0].digits) &&
    lengths.slice(1).every((l) => l === 3)
  )
    return true;
  // 1 200 000, 12 345 678 (thousands separated by spaces)
  if (
    groups.length > 2 &&
    separators.every((s) => s === ' ') &&
    /^[1-9]\d?$/.test(groups[0].digits) &&
    lengths.slice(1).every((l) => l === 3)
  )
    return true;
  // 0930-1730
  if (groups.length === 2 && groups.every((g) => /^(?:[01]\d|2[0-3])[0-5]\d$/.test(g.digits)))
    return true;
  // ZIP+4 (20500-0003)
  if (groups.length === 2 && lengths[0] === 5 && lengths[1] === 4 && separators[0] === '-')
    return true;
  // card-like groups of four (1234 5678 9012 3456 that failed the Luhn check)
  if (groups.length >= 4 && lengths.every((l) => l === 4)) return true;
  return false;
}
