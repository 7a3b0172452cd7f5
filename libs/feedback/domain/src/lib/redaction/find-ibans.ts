import { IBAN_LENGTHS, isValidIban } from './iban';
import { IsFree, RedactionMatch } from './redaction-match';

/** A country code and two check digits where a word starts: the possible start of an IBAN. */
const IBAN_START = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}/giu;

/**
 * IBANs written together or in groups separated by single spaces (`GB82 WEST 1234 5698 7654 32`).
 * The country's IBAN length says where the IBAN ends; it must be followed by something other than
 * a letter or digit and pass the mod-97 check.
 */
export function findIbans(text: string, isFree: IsFree): RedactionMatch[] {
  const matches: RedactionMatch[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
    if (length === undefined) continue;
    const end = readIban(text, m.index, length);
    if (end === undefined) continue;
    const compact = text.slice(m.index, end).replace(/ /g, '');
    if (isValidIban(compact) && isFree(m.index, end))
      matches.push({ start: m.index, end, kind: 'iban' });
  }
  return matches;
}

/** End offset after `length` letters and digits, allowing one space between them, or undefined. */
function readIban(text: string, start: number, length: number): number | undefined {
  let pos = start;
  let count = 0;
  while (count < length) {
    if (text[pos] === ' ' && count > 0 && /[A-Za-z0-9]/.test(text[pos + 1] ?? '')) pos++;
    if (!/[A-Za-z0-9]/.test(text[pos] ?? '')) return undefined;
    pos++;
    count++;
  }
  return /[\p{L}\p{N}]/u.test(text[pos] ?? '') ? undefined : pos;
}
