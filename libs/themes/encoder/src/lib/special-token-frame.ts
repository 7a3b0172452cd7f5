/**
 * The special tokens a tokenizer puts around a single sequence: `[CLS]` before and `[SEP]` after
 * for BERT-style models such as bge-small-en-v1.5.
 */
export interface SpecialTokenFrame {
  readonly prefix: readonly number[];
  readonly suffix: readonly number[];
}

/**
 * Finds the special tokens by comparing one text's ids encoded with special tokens to the same
 * text's ids encoded without: the latter must appear once, contiguously, inside the former.
 */
export function specialTokenFrameOf(
  withSpecialTokens: readonly number[],
  withoutSpecialTokens: readonly number[],
): SpecialTokenFrame {
  const content = withoutSpecialTokens.length;
  if (content === 0) throw new Error('specialTokenFrameOf: the sample text produced no tokens');
  for (let start = 0; start + content <= withSpecialTokens.length; start++) {
    let matches = true;
    for (let i = 0; i < content && matches; i++) {
      matches = withSpecialTokens[start + i] === withoutSpecialTokens[i];
    }
    if (matches) {
      return {
        prefix: withSpecialTokens.slice(0, start),
        suffix: withSpecialTokens.slice(start + content),
      };
    }
  }
  throw new Error(
    'specialTokenFrameOf: the tokens without special tokens are not a contiguous part of the tokens with them',
  );
}

/**
 * The model's input ids for one text: the frame's prefix, as many content ids as fit, the frame's
 * suffix, `maxTokens` ids at most in all. Truncation drops content from the end and never the
 * special tokens, so a long text still ends with `[SEP]`.
 */
export function frameTokenIds(
  contentIds: readonly number[],
  frame: SpecialTokenFrame,
  maxTokens: number,
): number[] {
  const room = maxTokens - frame.prefix.length - frame.suffix.length;
  if (room < 1) {
    throw new Error(
      `frameTokenIds: maxTokens ${maxTokens} leaves no room for text beside ${frame.prefix.length + frame.suffix.length} special tokens`,
    );
  }
  return [...frame.prefix, ...contentIds.slice(0, room), ...frame.suffix];
}
