import { z } from 'zod';
import { MetadataSchema } from './metadata';

/** Longest free text accepted in any inbound event (comment, post, record, observation), in characters. */
export const MAX_FEEDBACK_TEXT_LENGTH = 5000;

/** Earliest moment feedback can have happened at (the Unix epoch), in milliseconds. */
export const EARLIEST_OCCURRED_AT = 0;

/** Fields every inbound feedback event carries, whatever its source. */
export const inboundEventFields = {
  schemaVersion: z.literal(1),
  /** The source's own id of this piece of feedback; with the source, the idempotency key. */
  externalId: z.string().min(1).max(200),
  /** From 1970 on: an ISO year 0000 passes the format but is no date PostgreSQL can store. */
  occurredAt: z.iso
    .datetime({ offset: true })
    .refine((at) => Date.parse(at) >= EARLIEST_OCCURRED_AT, {
      message: 'occurredAt must be 1970-01-01 or later',
    }),
  metadata: MetadataSchema.optional(),
};

export const feedbackText = () =>
  z.string().max(MAX_FEEDBACK_TEXT_LENGTH, {
    message: `text is longer than ${MAX_FEEDBACK_TEXT_LENGTH} characters`,
  });
