import { XSS_PAYLOADS } from '@closedloop/testing-hostile-input';
import fc from 'fast-check';

/**
 * fast-check generators of hostile input for the ingest API and the inbound topics: strings of
 * every kind (control characters, lone surrogates, NUL, right-to-left marks, the XSS corpus,
 * huge ones), odd dates and numbers, wrong types, missing and unknown fields, garbage metadata.
 * Valid values are mixed in, so a good share of generated events is accepted and must be stored.
 */

/** Letters and digits: a value every text field accepts. */
export const plainText = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.!?'-]{0,60}$/);

const controlAndOdd = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\r\n',
  '\u202Eevil\u202C',
  '\uFEFF',
  '\uD800',
  '\uDFFF lone',
  '😀👍🏽🇬🇧',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗͖',
  '\u2028\u2029',
  '%s%n%x',
  "'; DROP TABLE feedback; --",
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-0',
  '../../etc/passwd',
);

/** Any string a client could send: plain, unicode, control characters, payloads, huge. */
export const hostileString = fc.oneof(
  { weight: 4, arbitrary: plainText },
  { weight: 2, arbitrary: fc.constantFrom(...XSS_PAYLOADS.map((p) => p.text)) },
  { weight: 2, arbitrary: controlAndOdd },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 190, max: 20_000 }), fc.constantFrom('a', 'é', '😀', '<'))
      .map(([n, c]) => c.repeat(n)),
  },
);

/** An ISO date with offset, or something that looks like one and is not. */
export const hostileDate = fc.oneof(
  { weight: 4, arbitrary: fc.constant(new Date().toISOString()) },
  {
    weight: 2,
    arbitrary: fc
      .date({ min: new Date('1970-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString()),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'yesterday',
      '',
      '2026-13-45T99:00:00Z',
      '2026-11-01T10:00:00',
      '2026-11-01',
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '-000001-01-01T00:00:00Z',
      '2026-02-30T10:00:00Z',
      '2026-11-01T10:00:00+25:00',
      '1e999',
    ),
  },
  { weight: 1, arbitrary: hostileString },
);

/** A value of the wrong type for any field. */
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** JSON nested deeply: objects in objects, arrays in arrays. */
export const deepGarbage = fc.integer({ min: 20, max: 400 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
});

export const hostileInt = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 0.5, -0),
  fc.integer(),
);

export const hostileMetadata = fc.oneof(
  fc.constant(undefined),
  fc.array(fc.record({ key: hostileString, value: hostileString }), { maxLength: 6 }),
  fc.constant([
    { key: '__proto__', value: 'polluted' },
    { key: 'constructor', value: 'x' },
  ]),
  fc.array(fc.record({ key: fc.constant('big'), value: fc.constant('x'.repeat(999)) }), {
    minLength: 5,
    maxLength: 6,
  }),
);

/**
 * Mixes a field: mostly its valid value, sometimes a hostile string, a wrong type, deep garbage,
 * or leaves it out (undefined).
 */
export function field<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 10, arbitrary: valid },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: deepGarbage },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/**
 * A field that keeps its GraphQL type (so the request passes GraphQL's own checks and reaches the
 * contract): its valid value or, for strings, a hostile string.
 */
export function typedField<T>(valid: fc.Arbitrary<T>, hostile?: fc.Arbitrary<T>) {
  return hostile
    ? fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostile })
    : valid;
}

/** An object with the given fields mixed, maybe an unknown field added. */
export function hostileRecord(
  fields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.record(fields),
      // Now and then an unknown field: GraphQL refuses the whole request for it.
      fc.oneof(
        { weight: 9, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.tuple(fc.constantFrom('extra', 'source', '__proto__', 'id'), wrongType),
        },
      ),
    )
    .map(([record, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
      if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true });
      return out;
    });
}
