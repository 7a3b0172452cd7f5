/**
 * IBAN lengths by country (ISO 13616 registry), including country code and check digits.
 * Only countries listed here are recognised in free text: the length is what lets the
 * scanner stop at the end of an IBAN written with spaces.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 ' +
    'CZ24 DE22 DK18 DO28 EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 ' +
    'GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 ' +
    'LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 ' +
    'PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 ' +
    'TL23 TN24 TR26 UA29 VA22 VG24 XK20'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

/**
 * True when `iban` (compact: no spaces, any case) has a known country, that country's length
 * and a valid ISO 7064 mod-97-10 checksum (the rearranged number modulo 97 is 1).
 */
export function isValidIban(iban: string): boolean {
  const value = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(value)) return false;
  if (IBAN_LENGTHS[value.slice(0, 2)] !== value.length) return false;
  return ibanMod97(value.slice(4) + value.slice(0, 4)) === 1;
}

/** Remainder modulo 97 of an alphanumeric string read as a number with A=10 … Z=35. */
function ibanMod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const code = char.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}
