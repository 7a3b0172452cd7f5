export interface PublicAnswerInput {
  /** Sentiment score of the post, -1 to 1. */
  sentiment: number;
  /** Followers of the author: how far the post reaches. */
  followers: number;
  /** Whether the post can be seen by anyone (not a direct message or a private group). */
  isPublic: boolean;
}

export interface PublicAnswerThreshold {
  /** At or below this sentiment the post counts as negative. */
  sentiment: number;
  /** At or above this many followers the post counts as high reach. */
  followers: number;
}

export const DEFAULT_PUBLIC_ANSWER_THRESHOLD: Readonly<PublicAnswerThreshold> = {
  sentiment: -0.3,
  followers: 1000,
};

/**
 * Whether a social post needs a public answer: it is public, negative (sentiment at or below the
 * threshold) and reaches many people (followers at or above the threshold). Missing or invalid
 * numbers (NaN) never call for an answer.
 */
export function needsPublicAnswer(
  input: PublicAnswerInput,
  threshold: PublicAnswerThreshold = DEFAULT_PUBLIC_ANSWER_THRESHOLD,
): boolean {
  return (
    input.isPublic &&
    input.sentiment <= threshold.sentiment &&
    input.followers >= threshold.followers
  );
}
