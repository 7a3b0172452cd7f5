import { ThemeChangedTopic, type ThemeChangeKind } from '@closedloop/contracts';
import { enqueueOutbox } from '@closedloop/persistence';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** A change an edit made to one theme, to be announced on theme.changed.v1. */
export interface ThemeChangeNote {
  readonly themeId: string;
  readonly change: ThemeChangeKind;
  readonly relatedThemeId: string | null;
}

export type NoteChange = (
  themeId: string,
  change: ThemeChangeKind,
  relatedThemeId?: string | null,
) => void;

/** Enqueues theme.changed.v1 for each note in the edit's transaction, with the saved label and status. */
export async function enqueueThemeChanges(
  manager: EntityManager,
  space: string,
  actor: string,
  notes: readonly ThemeChangeNote[],
): Promise<void> {
  if (notes.length === 0) return;
  const rows: { id: string; label: string; status: 'active' | 'noise' | 'merged' }[] =
    await manager.query('SELECT id, label, status FROM themes WHERE id = ANY($1::text[])', [
      notes.map((n) => n.themeId),
    ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const at = new Date().toISOString();
  await enqueueOutbox(
    manager,
    ThemeChangedTopic,
    notes.flatMap((note) => {
      const theme = byId.get(note.themeId);
      if (!theme) return [];
      return [
        {
          key: note.themeId,
          value: {
            schemaVersion: 1 as const,
            eventId: randomUUID(),
            space,
            themeId: note.themeId,
            change: note.change,
            relatedThemeId: note.relatedThemeId,
            label: theme.label,
            status: theme.status,
            actor,
            occurredAt: at,
          },
        },
      ];
    }),
  );
}
