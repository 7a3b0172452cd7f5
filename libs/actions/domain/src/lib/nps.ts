/** One NPS answer (0–10) of a customer at a time. */
export interface NpsAnswer {
  readonly customerId: string;
  readonly score: number;
  readonly at: Date;
}

export interface NpsResult {
  /** % promoters − % detractors, −100…100, rounded to one decimal; null without answers. */
  readonly nps: number | null;
  readonly customers: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/**
 * NPS of distinct customers: each customer counts once, with their latest answer; promoters
 * answer 9–10, detractors 0–6.
 */
export function npsOfCustomers(answers: readonly NpsAnswer[]): NpsResult {
  const latest = new Map<string, NpsAnswer>();
  for (const answer of answers) {
    const seen = latest.get(answer.customerId);
    if (!seen || seen.at.getTime() < answer.at.getTime()) latest.set(answer.customerId, answer);
  }
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const { score } of latest.values()) {
    if (score >= 9) promoters += 1;
    else if (score >= 7) passives += 1;
    else detractors += 1;
  }
  const customers = latest.size;
  const nps =
    customers === 0 ? null : Math.round(((promoters - detractors) / customers) * 1000) / 10;
  return { nps, customers, promoters, passives, detractors };
}
