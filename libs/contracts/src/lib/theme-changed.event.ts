import { z } from 'zod';
import { defineTopic } from './topic';

export const THEME_CHANGES = [
  'created',
  'renamed',
  'merged',
  'split',
  'status-changed',
  'pinned',
  'feedback-moved',
] as const;
export type ThemeChangeKind = (typeof THEME_CHANGES)[number];

/**
 * Produced (through the outbox) when a theme is created or a person changes one: renamed, merged
 * (one event per theme merged away, naming the target), split (for the new theme, naming the one
 * it came from), set aside as noise, pinned or unpinned, or given moved feedback. The pipeline's
 * own placements are on theme.assigned.v1 (a new theme there has `createdTheme`).
 */
export const ThemeChangedEventSchema = z
  .object({
    schemaVersion: z.literal(1),
    eventId: z.uuid(),
    space: z.string().min(1),
    themeId: z.string().min(1),
    change: z.enum(THEME_CHANGES),
    /** merged: the theme it went into; split: the theme it was split from; otherwise null. */
    relatedThemeId: z.string().min(1).nullable(),
    label: z.string(),
    status: z.enum(['active', 'noise', 'merged']),
    /** The user id of the person, or `machine`. */
    actor: z.string().min(1),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export type ThemeChangedEvent = z.infer<typeof ThemeChangedEventSchema>;

export const ThemeChangedTopic = defineTopic('theme.changed.v1', ThemeChangedEventSchema);
