import { z } from 'zod';
import { defineTopic } from './topic';

/** Produced by intake once a feedback item is validated, deduplicated, tied to a customer, redacted, enriched and stored. */
export const FeedbackEnrichedEventSchema = z
  .object({
    schemaVersion: z.literal(1),
    feedbackId: z.uuid(),
    eventKey: z.string().min(1),
    source: z.enum(['survey', 'social', 'crm', 'staff']),
    /** Null for an anonymous customer. */
    customerId: z.uuid().nullable(),
    occurredAt: z.iso.datetime({ offset: true }),
    /** Redacted: no personal data. */
    text: z.string().nullable(),
    metric: z.enum(['NPS', 'CSAT', 'CES']).nullable(),
    score: z.number().nullable(),
    scoreBand: z.string().nullable(),
    language: z.string().nullable(),
    sentiment: z.number().min(-1).max(1).nullable(),
    journeyStage: z.enum(['discover', 'buy', 'onboard', 'use', 'support', 'renew', 'leave']),
  })
  .strict();

export type FeedbackEnrichedEvent = z.infer<typeof FeedbackEnrichedEventSchema>;

export const FeedbackEnrichedTopic = defineTopic(
  'feedback.enriched.v1',
  FeedbackEnrichedEventSchema,
);
