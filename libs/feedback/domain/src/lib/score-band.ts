export type ScoreBand =
  | 'promoter'
  | 'passive'
  | 'detractor'
  | 'satisfied'
  | 'neutral'
  | 'dissatisfied'
  | 'easy'
  | 'difficult';

/**
 * Normalises a survey score into the band people talk about:
 * NPS 9–10 promoter, 7–8 passive, 0–6 detractor; CSAT 4–5 satisfied, 3 neutral, 1–2 dissatisfied;
 * CES (1–7, higher is easier) 5–7 easy, 4 neutral, 1–3 difficult.
 */
export function scoreBand(metric: 'NPS' | 'CSAT' | 'CES', score: number): ScoreBand {
  switch (metric) {
    case 'NPS':
      return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
    case 'CSAT':
      return score >= 4 ? 'satisfied' : score === 3 ? 'neutral' : 'dissatisfied';
    case 'CES':
      return score >= 5 ? 'easy' : score === 4 ? 'neutral' : 'difficult';
  }
}
