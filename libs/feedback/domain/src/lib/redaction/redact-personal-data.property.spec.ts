import fc from 'fast-check';
import { redactPersonalData } from './redact-personal-data';

/*
 * Property-based tests: texts made of harmless filler (words, amounts, years, times, dates,
 * order numbers…) with generated emails, phone numbers, Luhn-valid card numbers and valid IBANs
 * put in at random places. The checks below use their own Luhn, mod-97 and digit scanning so as
 * not to trust the code under test.
 */

type Kind = 'email' | 'phone' | 'card' | 'iban';
interface Pii {
  kind: Kind;
  value: string;
}

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const onlyDigits = (s: string) => s.replace(/\D/g, '');
/** The digits of each number in the text, a number being digits joined by spaces, dots, dashes or brackets. */
const numbersIn = (s: string) => (s.match(/[+(]?\d(?:[ .()-]{0,2}\d)*/g) ?? []).map(onlyDigits);

function luhnValid(number: string): boolean {
  let sum = 0;
  [...number].reverse().forEach((char, i) => {
    const d = Number(char) * (i % 2 === 1 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return sum % 10 === 0;
}

function withLuhnCheckDigit(body: string): string {
  const check = [...'0123456789'].find((d) => luhnValid(body + d));
  return body + check;
}

function ibanCheckDigits(country: string, bban: string): string {
  const numeric = [...(bban + country + '00')]
    .map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55)))
    .join('');
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

// ---- filler -------------------------------------------------------------------------------

/** Words that could form part of personal data with their neighbours are left out. */
const RESERVED = new Set(
  'at dot st rd ave av ln dr way cl ct pl sq terr cres str mews hwy blvd'.split(' '),
);
const word = fc.oneof(
  fc.constantFrom(
    'the',
    'app',
    'crashed',
    'my',
    'card',
    'was',
    'declined',
    'and',
    'nobody',
    'answered',
    'great',
    'service',
    'thanks',
    'London',
    'Monday',
    'Main',
    'ok',
    'café',
    'Grüße',
    '😡',
    '—',
    'why?',
    'help!',
    'it’s',
    '(really)',
    'fee:',
    'number',
    'phone',
    'call',
  ),
  fc.stringMatching(/^[a-z]{3,10}$/).filter((w) => !RESERVED.has(w)),
);
const numberPhrase = fc.oneof(
  fc.integer({ min: 1, max: 99999 }).map((n) => `order ${n}`),
  fc.integer({ min: 1000000, max: 99999999 }).map((n) => `ref ${n}`),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), digits(2)).map(([a, b]) => `paid £${a}.${b}`),
  fc.integer({ min: 1900, max: 2099 }).map((y) => `in ${y}`),
  fc.tuple(fc.integer({ min: 0, max: 23 }), digits(2)).map(([h, m]) => `at ${h}:${m}`),
  fc
    .tuple(
      fc.integer({ min: 1990, max: 2030 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => `on ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.integer({ min: 0, max: 100 }).map((p) => `up ${p}%`),
  fc.integer({ min: 1, max: 9 }).map((n) => `${n} times`),
);
const filler = fc.oneof({ arbitrary: word, weight: 4 }, { arbitrary: numberPhrase, weight: 1 });
const gap = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '\n', ' - ', ' (', ') ', '; ');

// ---- personal data ------------------------------------------------------------------------

const email: fc.Arbitrary<Pii> = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,8}(?:[._+-][a-z0-9]{1,8}){0,2}$/),
    fc.array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 3 }),
    fc.stringMatching(/^[a-z]{2,6}$/),
    fc.boolean(),
  )
  .map(([local, labels, tld, upper]) => {
    const address = `${local}@${labels.join('.')}.${tld}`;
    return { kind: 'email', value: upper ? address.toUpperCase() : address };
  });

/** NANP area codes and exchanges start with 2–9. */
const nxx = fc.tuple(fc.integer({ min: 2, max: 9 }), digits(2)).map(([a, b]) => `${a}${b}`);
const phone: fc.Arbitrary<Pii> = fc
  .oneof(
    fc.tuple(digits(4), digits(4)).map(([a, b]) => `+44 20 ${a} ${b}`),
    fc.tuple(digits(4), digits(4)).map(([a, b]) => `+44 (0)20 ${a} ${b}`),
    fc.tuple(digits(3), digits(6)).map(([a, b]) => `+44 7${a} ${b}`),
    digits(9).map((a) => `+447${a}`),
    fc.tuple(digits(4), digits(4)).map(([a, b]) => `020 ${a} ${b}`),
    fc.tuple(digits(4), digits(4)).map(([a, b]) => `0044 20 ${a} ${b}`),
    fc.tuple(digits(3), digits(6)).map(([a, b]) => `07${a} ${b}`),
    fc.tuple(nxx, nxx, digits(4)).map(([a, b, c]) => `(${a}) ${b}-${c}`),
    fc.tuple(nxx, nxx, digits(4)).map(([a, b, c]) => `${a}-${b}-${c}`),
    fc.tuple(nxx, nxx, digits(4)).map(([a, b, c]) => `${a}.${b}.${c}`),
    fc.tuple(nxx, nxx, digits(4)).map(([a, b, c]) => `+1 ${a} ${b} ${c}`),
    fc.tuple(nxx, nxx, digits(4)).map(([a, b, c]) => `+1 (${a}) ${b}-${c}`),
    fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.array(digits(2), { minLength: 4, maxLength: 4 }))
      .map(([a, pairs]) => `0${a} ${pairs.join(' ')}`),
    fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.array(digits(2), { minLength: 4, maxLength: 4 }))
      .map(([a, pairs]) => `+33 ${a} ${pairs.join(' ')}`),
    fc.tuple(digits(7), fc.boolean()).map(([a, intl]) => (intl ? `+49 30 ${a}` : `030 ${a}`)),
  )
  .map((value) => ({ kind: 'phone', value }));

const CARD_BRANDS: readonly { prefix: string; lengths: number[]; groups: number[][] }[] = [
  {
    prefix: '4',
    lengths: [13, 16, 19],
    groups: [
      [4, 4, 4, 4],
      [4, 4, 4, 4, 3],
    ],
  },
  { prefix: '51', lengths: [16], groups: [[4, 4, 4, 4]] },
  { prefix: '55', lengths: [16], groups: [[4, 4, 4, 4]] },
  { prefix: '2221', lengths: [16], groups: [[4, 4, 4, 4]] },
  { prefix: '34', lengths: [15], groups: [[4, 6, 5]] },
  { prefix: '37', lengths: [15], groups: [[4, 6, 5]] },
  { prefix: '6011', lengths: [16], groups: [[4, 4, 4, 4]] },
];
const card: fc.Arbitrary<Pii> = fc
  .tuple(fc.constantFrom(...CARD_BRANDS), fc.nat(), digits(18), fc.constantFrom('', ' ', '-'))
  .map(([brand, pick, random, separator]) => {
    const length = brand.lengths[pick % brand.lengths.length];
    const number = withLuhnCheckDigit((brand.prefix + random).slice(0, length - 1));
    const groups = brand.groups.find((g) => g.reduce((a, b) => a + b, 0) === length);
    if (!groups || separator === '') return number;
    let at = 0;
    return groups.map((size) => number.slice(at, (at += size))).join(separator);
  })
  .map((value) => ({ kind: 'card', value }));

const IBAN_COUNTRIES: readonly [string, number][] = [
  ['GB', 22],
  ['DE', 22],
  ['FR', 27],
  ['NL', 18],
  ['ES', 24],
  ['IT', 27],
  ['BE', 16],
  ['CH', 21],
  ['NO', 15],
  ['MT', 31],
  ['PL', 28],
  ['IE', 22],
];
const iban: fc.Arbitrary<Pii> = fc
  .tuple(fc.constantFrom(...IBAN_COUNTRIES), fc.stringMatching(/^[A-Z0-9]{27}$/), fc.boolean())
  .map(([[country, length], random, grouped]) => {
    const bban = random.slice(0, length - 4);
    const compact = country + ibanCheckDigits(country, bban) + bban;
    return { kind: 'iban', value: grouped ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact };
  });

const pii = fc.oneof(email, phone, card, iban);

/** Filler with the personal data put in at random places; PII next to PII is kept apart by ", ". */
const textWithPii = fc
  .tuple(
    fc.array(filler, { maxLength: 15 }),
    fc.array(fc.tuple(pii, fc.nat()), { minLength: 1, maxLength: 4 }),
    fc.array(gap, { minLength: 20, maxLength: 20 }),
  )
  .map(([words, inserts, gaps]) => {
    const parts: (string | Pii)[] = [...words];
    for (const [item, position] of inserts) parts.splice(position % (parts.length + 1), 0, item);
    let text = '';
    parts.forEach((part, i) => {
      if (i > 0) {
        const bothPii = typeof part !== 'string' && typeof parts[i - 1] !== 'string';
        text += bothPii ? ', ' : gaps[i % gaps.length];
      }
      text += typeof part === 'string' ? part : part.value;
    });
    return { text, items: inserts.map(([item]) => item) };
  });

const textWithoutPii = fc
  .tuple(fc.array(filler, { maxLength: 25 }), fc.array(gap, { minLength: 25, maxLength: 25 }))
  .map(([words, gaps]) => words.map((w, i) => (i > 0 ? gaps[i] : '') + w).join(''));

// ---- independent detectors ----------------------------------------------------------------

/** Every stretch of 13–19 consecutive digits, in runs of digits split by single spaces/dashes. */
function luhnValidDigitStretches(text: string): string[] {
  const found: string[] = [];
  for (const run of text.match(/\d(?:[ -]?\d)*/g) ?? []) {
    const d = onlyDigits(run);
    for (let length = 13; length <= 19; length++)
      for (let i = 0; i + length <= d.length; i++)
        if (luhnValid(d.slice(i, i + length))) found.push(d.slice(i, i + length));
  }
  return found;
}

/** The text with each piece of personal data replaced by its placeholder. */
function withoutPii(text: string, items: readonly Pii[]): string {
  return items.reduce((t, item) => t.replace(item.value, `[${item.kind}]`), text);
}

/** Whether `value` in `text` is separated from another number by a single space or dash only. */
function nextToANumber(text: string, value: string): boolean {
  const at = text.indexOf(value);
  const before = text.slice(Math.max(0, at - 2), at);
  const after = text.slice(at + value.length, at + value.length + 2);
  return /\d[ -]$/.test(before) || /^[ -]\d/.test(after);
}

const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** Shrinking a failure can take very long on these texts: stop it after ten seconds. */
const RUN = { skipAllAfterTimeLimit: 10_000 };

describe('redactPersonalData (properties)', () => {
  it('leaves no generated email, phone, card or IBAN in the text', () => {
    fc.assert(
      fc.property(textWithPii, ({ text, items }) => {
        const out = redactPersonalData(text).text;
        const outNumbers = numbersIn(out);
        const outCompact = out.replace(/\s/g, '').toUpperCase();
        expect(out).not.toMatch(EMAIL_LIKE);
        expect(luhnValidDigitStretches(out)).toEqual([]);
        expect(out).not.toMatch(/\+\s*\d/);
        // Every number of 7 or more digits left over must be one of the filler's.
        const fillerNumbers = new Set(numbersIn(withoutPii(text, items)));
        expect(outNumbers.filter((n) => n.length >= 7 && !fillerNumbers.has(n))).toEqual([]);
        for (const item of items) {
          expect(out.toLowerCase()).not.toContain(item.value.toLowerCase());
          if (item.kind === 'phone' || item.kind === 'card')
            expect(outNumbers.filter((n) => n.includes(onlyDigits(item.value)))).toEqual([]);
          if (item.kind === 'iban') expect(outCompact).not.toContain(item.value.replace(/ /g, ''));
        }
      }),
      { ...RUN, numRuns: 500 },
    );
  });

  it('replaces exactly the personal data and keeps every other character', () => {
    fc.assert(
      fc.property(textWithPii, ({ text, items }) => {
        // A card written right next to another number ("order 5941 4268 4449 0019 4787") can be
        // read two ways when both are Luhn-valid; the first property covers that nothing leaks.
        fc.pre(!items.some((item) => item.kind === 'card' && nextToANumber(text, item.value)));
        const result = redactPersonalData(text);
        expect(result.text).toBe(withoutPii(text, items));
        const counted = Object.fromEntries(result.redactions.map((r) => [r.kind, r.count]));
        for (const kind of ['email', 'phone', 'card', 'iban'] as const) {
          const embedded = items.filter((i) => i.kind === kind).length;
          expect(counted[kind] ?? 0).toBe(embedded);
        }
      }),
      { ...RUN, numRuns: 500 },
    );
  });

  it('returns texts without personal data unchanged', () => {
    fc.assert(
      fc.property(textWithoutPii, (text) => {
        expect(redactPersonalData(text)).toEqual({ text, redactions: [] });
      }),
      { ...RUN, numRuns: 1000 },
    );
  });
});
