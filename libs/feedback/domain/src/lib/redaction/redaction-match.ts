/** The kinds of personal data `redactPersonalData` finds. */
export type RedactionKind = 'email' | 'phone' | 'card' | 'iban' | 'address' | 'url-credentials';

/** A stretch of the input, `[start, end)`, that holds personal data of one kind. */
export interface RedactionMatch {
  start: number;
  end: number;
  kind: RedactionKind;
}

/** True when `[start, end)` is not already claimed by another match nor protected (a URL). */
export type IsFree = (start: number, end: number) => boolean;
