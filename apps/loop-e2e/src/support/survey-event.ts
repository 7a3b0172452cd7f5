/**
 * A valid survey event for Kafka, keyed like intake keys it: a CES score cycling 1–7 with `i`,
 * from the customer `customerExternalId`.
 */
export function surveyEvent(
  externalId: string,
  customerExternalId: string,
  surveyId: string,
  i: number,
): { key: string; value: string } {
  return {
    key: `survey:${externalId}`,
    value: JSON.stringify({
      schemaVersion: 1,
      source: 'survey',
      externalId,
      occurredAt: '2026-11-20T10:00:00Z',
      customer: { externalId: customerExternalId },
      survey: { surveyId, metric: 'CES', score: 1 + (i % 7) },
    }),
  };
}
