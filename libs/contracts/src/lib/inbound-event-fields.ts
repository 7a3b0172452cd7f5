import { z } from 'zod';
import { MetadataSchema } from './metadata';

/** Longest free text accepted in any inbound event (comment, post, record, observation), in characters. */
export const MAX_FEEDBACK_TEXT_LENGTH = 5000;

/** Fields every inbound feedback event carries, whatever its source. */
export const inboundEventFields = {
  schemaVersion: z.literal(1),
  /** The source's own id of this piece of feedback; with the source, the idempotency key. */
  externalId: z.string().min(1).max(200),
  occurredAt: z.iso.datetime({ offset: true }),
  metadata: MetadataSchema.optional(),
};

export const feedbackText = () =>
  z.string().max(MAX_FEEDBACK_TEXT_LENGTH, {
    message: `text is longer than ${MAX_FEEDBACK_TEXT_LENGTH} characters`,
  });
