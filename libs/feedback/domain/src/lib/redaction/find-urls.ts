import { IsFree, RedactionMatch } from './redaction-match';

const URL = /\b(?:[a-z][a-z0-9+.-]{0,30}:\/\/|www\.)[^\s<>"']*[^\s<>"'.,;:!?)\]]/giu;

/** `scheme://user:password@host`: the user information between `//` and `@`. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]{0,30}:\/\/([^\s/?#@[\]]{1,256})@(?=[\p{L}\p{N}[])/dgiu;

/** Where URLs are, so that digits in their paths and queries are not read as phone numbers. */
export function findUrls(text: string): { start: number; end: number }[] {
  // Every URL has "://" or starts with "www.": most feedback has neither.
  if (!text.includes('://') && !/www\./i.test(text)) return [];
  return [...text.matchAll(URL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The user name and password written into a URL (`https://ada:s3cret@example.com`). */
export function findUrlCredentials(text: string, isFree: IsFree): RedactionMatch[] {
  const matches: RedactionMatch[] = [];
  if (!text.includes('://')) return matches;
  for (const m of text.matchAll(URL_CREDENTIALS)) {
    const span = m.indices?.[1];
    if (span && isFree(span[0], span[1]))
      matches.push({ start: span[0], end: span[1], kind: 'url-credentials' });
  }
  return matches;
}
