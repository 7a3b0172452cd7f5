import { findDigitRuns } from './digit-runs';
import { findCardNumbers } from './find-card-numbers';
import { findEmailAddresses } from './find-email-addresses';
import { findIbans } from './find-ibans';
import { findPhoneNumbers } from './find-phone-numbers';
import { findStreetAddresses } from './find-street-addresses';
import { findUrlCredentials, findUrls } from './find-urls';
import { IsFree, RedactionKind, RedactionMatch } from './redaction-match';

export type { RedactionKind } from './redaction-match';

export interface Redaction {
  kind: RedactionKind;
  count: number;
}

export interface RedactionResult {
  /** The input with each piece of personal data replaced by its placeholder. */
  text: string;
  /** How many of each kind were replaced; kinds with none are left out. */
  redactions: Redaction[];
}

/** What each kind is replaced with. URL credentials keep the URL around them. */
export const REDACTION_PLACEHOLDERS: Readonly<Record<RedactionKind, string>> = {
  'url-credentials': '[credentials]',
  email: '[email]',
  iban: '[iban]',
  card: '[card]',
  address: '[address]',
  phone: '[phone]',
};

/** Kinds in the order they are looked for; an earlier kind wins where two overlap. */
const KINDS = Object.keys(REDACTION_PLACEHOLDERS) as RedactionKind[];

/**
 * Replaces personal data in free text with placeholders (`[email]`, `[phone]`, `[card]`, `[iban]`,
 * `[address]`, and `[credentials]` for the user and password in a URL), leaving every other
 * character as it was.
 *
 * Looked for in this order, each only where an earlier one has not matched: URL credentials,
 * email addresses (also "ada [at] example [dot] com"), IBANs (mod-97 checked), phone numbers
 * whose shape is unmistakable, card numbers (Luhn checked), street addresses with their
 * postcode, other phone numbers. Digits inside URLs are not read as cards, IBANs, addresses or
 * phone numbers.
 *
 * Known limits: phone numbers without a trunk 0, a `+`/`00` prefix or North American grouping
 * (e.g. Spanish `612 345 678`) are only found after a phone word ("call", "mobile", "number"…);
 * any Luhn-valid 13–19 digit number (an IMEI, a long reference) is taken for a card; street
 * addresses need a house number and a street type, in English, German or French forms;
 * a number written right next to a card or phone number can be read as part of it.
 */
export function redactPersonalData(text: string): RedactionResult {
  const claimed: RedactionMatch[] = [];
  const urls = findUrls(text);
  const overlaps = (start: number, end: number, spans: readonly { start: number; end: number }[]) =>
    spans.some((s) => start < s.end && s.start < end);
  const isFree: IsFree = (start, end) => !overlaps(start, end, claimed);
  const isFreeOutsideUrls: IsFree = (start, end) =>
    isFree(start, end) && !overlaps(start, end, urls);
  const runs = findDigitRuns(text);

  const detectors: (() => RedactionMatch[])[] = [
    () => findUrlCredentials(text, isFree),
    () => findEmailAddresses(text, isFree),
    () => findIbans(text, isFreeOutsideUrls),
    // Phone numbers whose shape leaves no doubt (+44 20 7946 0958, 020 7946 0958) come before
    // cards, so that a number written just before one is not read with it as a card.
    () => findPhoneNumbers(text, runs, isFreeOutsideUrls, 'by-shape'),
    () => findCardNumbers(runs, isFreeOutsideUrls),
    () => findStreetAddresses(text, isFreeOutsideUrls),
    () => findPhoneNumbers(text, runs, isFreeOutsideUrls),
  ];
  for (const detect of detectors) {
    for (const match of detect()) {
      if (isFree(match.start, match.end)) claimed.push(match);
    }
  }
  if (claimed.length === 0) return { text, redactions: [] };

  claimed.sort((a, b) => a.start - b.start);
  let redacted = '';
  let pos = 0;
  const counts = new Map<RedactionKind, number>();
  for (const match of claimed) {
    redacted += text.slice(pos, match.start) + REDACTION_PLACEHOLDERS[match.kind];
    pos = match.end;
    counts.set(match.kind, (counts.get(match.kind) ?? 0) + 1);
  }
  redacted += text.slice(pos);
  const redactions = KINDS.filter((kind) => counts.has(kind)).map((kind) => ({
    kind,
    count: counts.get(kind) ?? 0,
  }));
  return { text: redacted, redactions };
}
