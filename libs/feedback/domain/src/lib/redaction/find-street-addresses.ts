import { IsFree, RedactionMatch } from './redaction-match';

const bothCases = (words: string[]) =>
  words.map((w) => `[${w[0].toUpperCase()}${w[0].toLowerCase()}]${w.slice(1)}`).join('|');

/** Street types written after the street name ("Baker Street", "Elm Rd"). */
const STREET_SUFFIX = bothCases(
  (
    'Street St Road Rd Avenue Ave Av Lane Ln Drive Dr Boulevard Blvd Way Close Cl Court Ct Place ' +
    'Pl Square Sq Terrace Terr Crescent Cres Grove Gardens Gdns Parkway Pkwy Highway Hwy Mews ' +
    'Strasse Straße Str'
  ).split(' '),
);

/** A capitalised word or an ordinal, as in "St. John's", "Fifth", "5th". */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]{0,40}\.?|\d{1,3}(?:st|nd|rd|th))`;
const HOUSE_NUMBER = String.raw`\d{1,5}[A-Za-z]?(?:[-–/]\d{1,5}[A-Za-z]?)?`;
const UNIT = String.raw`(?:(?:Flat|Apt|Apartment|Unit|Suite|Ste)\.?\s*#?\s*\d{1,5}[A-Za-z]?,?\s+)?`;
const END = String.raw`(?![\p{L}\p{N}-])`;
const UK_POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}`;
const US_ZIP = String.raw`(?:[A-Z]{2}\s+)?\d{5}(?:-\d{4})?`;
const TOWN = String.raw`\p{Lu}[\p{L}'’-]{0,40}(?:\s+\p{Lu}[\p{L}'’-]{0,40}){0,2}`;

/**
 * "221B Baker Street", "Flat 2, 10 Downing St", "1600 Pennsylvania Avenue NW, Washington, DC 20500",
 * "12 High Road, London N1 9GU": house number, one to four capitalised words, a street suffix,
 * then optionally a compass direction and, when there is one, a town and a UK postcode or a US ZIP.
 * A full stop after an abbreviated suffix is left alone unless the postcode follows.
 */
const NUMBER_FIRST = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,:/£$€#-])${UNIT}${HOUSE_NUMBER},?\s+(?:${NAME_WORD}\s+){1,4}(?:${STREET_SUFFIX})${END}` +
    String.raw`(?:\.?\s+(?:NE|NW|SE|SW|N|S|E|W)${END})?` +
    String.raw`(?:\.?,?\s+(?:${TOWN},?\s+)?(?:${UK_POSTCODE}|${US_ZIP})${END})?`,
  'gu',
);

/**
 * "Hauptstraße 5", "Karl-Marx-Str. 12a", "Berliner Strasse 7, 10115 Berlin", "Lindenweg 3":
 * a capitalised street name ending in or followed by a German street type, the house number,
 * and optionally a five-digit postcode and the town.
 */
const GERMAN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}[\p{L}-]{0,40}\s)?\p{Lu}[\p{L}-]{0,40}?(?:\s?(?:[Ss]traße|[Ss]trasse|[Ss]tr\.)|weg|gasse|allee|platz)\s?\d{1,4}(?:\s?[a-z])?${END}` +
    String.raw`(?:,?\s+\d{5}(?:\s+\p{Lu}[\p{L}-]*)?${END})?`,
  'gu',
);

/**
 * "12 rue de la Paix, 75002 Paris", "3 avenue Foch": house number, a French street type, the
 * name, and optionally a five-digit postcode and the town.
 */
const FRENCH = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,:/£$€#-])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:${bothCases(['rue', 'avenue', 'boulevard', 'place', 'chemin', 'allée', 'impasse', 'quai'])})` +
    String.raw`\s+(?:(?:de|du|des|la|le|l'|d')\s*)*\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}${END}` +
    String.raw`(?:,?\s+\d{5}(?:\s+\p{Lu}[\p{L}-]*)?${END})?`,
  'gu',
);

/** Street addresses with a house number and a street type, and the postcode next to them. */
export function findStreetAddresses(text: string, isFree: IsFree): RedactionMatch[] {
  const matches: RedactionMatch[] = [];
  // Every pattern needs a house number.
  if (!/\d/.test(text)) return matches;
  for (const pattern of [NUMBER_FIRST, GERMAN, FRENCH]) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isFree(start, end)) matches.push({ start, end, kind: 'address' });
    }
  }
  return matches;
}
