/** Types for `wink-sentiment` (which ships none), as far as this library uses it. */
declare module 'wink-sentiment' {
  export interface WinkToken {
    value: string;
    /** `word`, `punctuation`, `emoji`, `emoticon`, `hashtag`, `number`, `url`, `email`, … */
    tag: string;
    /** AFINN valence (-5 to 5) of the word, emoji, emoticon or hashtag, after negation; absent when 0. */
    score?: number;
    /** Set when wink-sentiment flipped the word's valence for a negation one or two tokens before it. */
    negation?: boolean;
    /** Set on the first word of a two-word AFINN phrase, which carries the phrase's valence. */
    grouped?: number;
  }

  export interface WinkSentiment {
    /** Sum of the valences. */
    score: number;
    /** Average valence per scored token, adjusted for length, -5 to 5. */
    normalizedScore: number;
    /** Absent for text without tokens. */
    tokenizedPhrase?: WinkToken[];
  }

  function sentiment(phrase: string): WinkSentiment;
  export = sentiment;
}
