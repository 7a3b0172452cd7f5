/**
 * How a chip reads at a glance. Every tone also has its own symbol and the chip always carries
 * a text label, so colour is never the only signal.
 */
export type Tone = 'positive' | 'negative' | 'warning' | 'info' | 'neutral';

export const TONE_SYMBOL: Readonly<Record<Tone, string>> = {
  positive: '✓',
  negative: '✕',
  warning: '!',
  info: '●',
  neutral: '○',
};
