import { z } from 'zod';
import { defineTopic } from './topic';

/**
 * Produced by the theming stage for each feedback item it placed: in a theme, or set aside as
 * noise (`themeId` null). Keyed by theme, so one theme's events keep their order.
 */
export const ThemeAssignedEventSchema = z
  .object({
    schemaVersion: z.literal(1),
    feedbackId: z.uuid(),
    /** The theme space (today one per installation: `default`). */
    space: z.string().min(1),
    themeId: z.string().min(1).nullable(),
    /** True when this item opened the theme. */
    createdTheme: z.boolean(),
    /** Cosine similarity of the item to the theme's centroid, 0–1. */
    similarity: z.number().min(0).max(1),
    /** Terms the item shares with the theme, heaviest first. */
    sharedTerms: z.array(z.string()).max(20),
    source: z.enum(['survey', 'social', 'crm', 'staff']),
    customerId: z.uuid().nullable(),
    occurredAt: z.iso.datetime({ offset: true }),
    sentiment: z.number().min(-1).max(1).nullable(),
    journeyStage: z.enum(['discover', 'buy', 'onboard', 'use', 'support', 'renew', 'leave']),
    assignedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export type ThemeAssignedEvent = z.infer<typeof ThemeAssignedEventSchema>;

export const ThemeAssignedTopic = defineTopic('theme.assigned.v1', ThemeAssignedEventSchema);
