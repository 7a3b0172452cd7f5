import type { Tone } from '../shared/tone';

const SENTIMENT_TONE: Readonly<Record<string, Tone>> = {
  negative: 'negative',
  neutral: 'neutral',
  positive: 'positive',
};

/** "Negative" for NEGATIVE or negative. */
export function sentimentText(label: string | null | undefined): string {
  const l = (label ?? '').toLowerCase();
  return l ? l[0].toUpperCase() + l.slice(1) : '';
}

export function sentimentTone(label: string | null | undefined): Tone {
  return SENTIMENT_TONE[(label ?? '').toLowerCase()] ?? 'neutral';
}

/** "Journey: Onboard" text for ONBOARD / onboard. */
export function titleCase(value: string | null | undefined): string {
  const v = (value ?? '').toLowerCase().replace(/_/g, ' ');
  return v ? v[0].toUpperCase() + v.slice(1) : '';
}

/** "82 %" for a 0–1 similarity. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : `${Math.round(value * 100)} %`;
}
