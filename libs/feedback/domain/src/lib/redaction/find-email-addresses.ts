import { IsFree, RedactionMatch } from './redaction-match';

const LOCAL = String.raw`[\p{L}\p{N}_](?:[\p{L}\p{N}._%+'-]{0,62}[\p{L}\p{N}_%+-])?`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const BEFORE_LOCAL = String.raw`(?<![\p{L}\p{N}._%+'-])`;

/** `ada.lovelace+news@mail.example.co.uk` */
const EMAIL = new RegExp(
  String.raw`${BEFORE_LOCAL}${LOCAL}@(?:${LABEL}\.){1,10}\p{L}{2,63}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])`,
  'gu',
);

const STRONG_AT = String.raw`\s*[[({<]\s*at\s*[\])}>]\s*`;
const WEAK_AT = String.raw`\s+at\s+`;
const DOT = String.raw`(?:\s*[[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)`;

/** `ada [at] example [dot] com`, `ada(at)example.com`, `ada at example dot com` */
const OBFUSCATED_EMAIL = new RegExp(
  String.raw`${BEFORE_LOCAL}(${LOCAL})(${STRONG_AT}|${WEAK_AT})((?:${LABEL}${DOT}){1,10})(\p{L}{2,63})(?![\p{L}\p{N}-])`,
  'giu',
);

/** Top-level domains accepted after a spelled-out "at … dot …". */
const COMMON_TLDS = new Set(
  (
    'com org net edu gov io co uk de fr es it nl be ch at se no dk fi ie pl pt eu us ca au nz in ' +
    'info biz me app dev ai email online'
  ).split(' '),
);

/** Words that come before "at" in ordinary sentences ("visit us at example dot com"). */
const NOT_A_MAILBOX = new Set(
  (
    'i me you us we him her them it this that these those there here what who which one someone ' +
    'anyone everyone people staff team support help service look looked looking site website web ' +
    'page online shop shopped store order ordered buy bought sign signed log logged find found ' +
    'visit visited go went check checked email mail contact write wrote available home work app ' +
    'account booking booked read stay stayed arrived arrive saw see seen price prices deal deals ' +
    'offer offers sale sales'
  ).split(' '),
);

/**
 * Email addresses, plain or obfuscated. Obfuscations with bracketed "[at]"/"(at)" are always
 * taken. A spelled-out " at " is taken only when the mailbox is not an everyday word and either
 * every dot is spelled out too and the top-level domain is a common one
 * ("ada at example dot com"), or the mailbox looks like an address on its own
 * ("ada.lovelace at example.com").
 */
export function findEmailAddresses(text: string, isFree: IsFree): RedactionMatch[] {
  const matches: RedactionMatch[] = [];
  // The patterns are costly and most feedback holds neither an "@" nor a word "at".
  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isFree(start, end)) matches.push({ start, end, kind: 'email' });
    }
  }
  if (!/\bat\b/i.test(text)) return matches;
  for (const m of text.matchAll(OBFUSCATED_EMAIL)) {
    const [whole, local, at, domain, tld] = m;
    const start = m.index;
    const end = start + whole.length;
    if (isObfuscatedEmail(local, at, domain, tld) && isFree(start, end))
      matches.push({ start, end, kind: 'email' });
  }
  return matches;
}

function isObfuscatedEmail(local: string, at: string, domain: string, tld: string): boolean {
  if (/[[({<]/.test(at)) return true;
  if (NOT_A_MAILBOX.has(local.toLowerCase())) return false;
  const dotsSpelled = !domain.replace(/[[({<]\s*dot\s*[\])}>]/gi, '').includes('.');
  if (dotsSpelled) return COMMON_TLDS.has(tld.toLowerCase());
  return /[._+\d]/.test(local);
}
