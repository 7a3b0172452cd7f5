import { z } from 'zod';
import { defineTopic } from './topic';

export const ACTION_STATUSES = [
  'proposed',
  'planned',
  'in_progress',
  'shipped',
  'announced',
  'declined',
] as const;
export type ActionStatusValue = (typeof ACTION_STATUSES)[number];

/**
 * Produced by the API on every change of an action, and by the tracking stage when a regression
 * reopens one (`reopened`, actor `system`).
 */
export const ActionEventSchema = z
  .object({
    schemaVersion: z.literal(1),
    eventId: z.uuid(),
    actionId: z.uuid(),
    type: z.enum([
      'created',
      'status-changed',
      'feedback-linked',
      'announced',
      'themes-linked',
      'theme-unlinked',
      'updated',
      'reopened',
    ]),
    status: z.enum(ACTION_STATUSES),
    previousStatus: z.enum(ACTION_STATUSES).nullable(),
    actor: z.string().min(1),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export type ActionEvent = z.infer<typeof ActionEventSchema>;

export const ActionEventsTopic = defineTopic('action.events.v1', ActionEventSchema);
