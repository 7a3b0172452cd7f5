import type { z } from 'zod';

/** A UTF-16 surrogate without its other half: not a character, and not valid in PostgreSQL's JSON. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text (PostgreSQL text and jsonb refuse both), or null. */
export function unstorableTextReason(text: string): string | null {
  if (text.includes('\u0000')) return 'text holds a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'text holds a lone UTF-16 surrogate (not Unicode text)';
  return null;
}

/**
 * A refinement for inbound events: every string in the event, object keys included, must be
 * storable text. An event that passes is then stored as it is, never failing in the database.
 */
export function refuseUnstorableText(value: unknown, ctx: z.RefinementCtx): void {
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (typeof node === 'string') {
      const reason = unstorableTextReason(node);
      if (reason) ctx.addIssue({ code: 'custom', path, message: reason });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        const reason = unstorableTextReason(key);
        if (reason)
          ctx.addIssue({ code: 'custom', path: [...path, key], message: `key: ${reason}` });
        walk(item, [...path, key]);
      }
    }
  };
  walk(value, []);
}
