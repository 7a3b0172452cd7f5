import { quantisedFromBytes, type StoredItem } from '@closedloop/themes-domain';
import type { EntityManager } from 'typeorm';

const CHUNK = 5_000;

/**
 * Text and embedding of feedback items, by id, for the theme engine's samples and noise pool.
 * Items without both (not themed yet, or their text was erased) are left out.
 */
export async function loadStoredItems(
  manager: EntityManager,
  feedbackIds: readonly string[],
): Promise<Map<string, StoredItem>> {
  const items = new Map<string, StoredItem>();
  for (let start = 0; start < feedbackIds.length; start += CHUNK) {
    const rows: { id: string; text: string; embedding: Buffer }[] = await manager.query(
      `SELECT id, text, embedding FROM feedback
       WHERE id = ANY($1::uuid[]) AND text IS NOT NULL AND embedding IS NOT NULL`,
      [feedbackIds.slice(start, start + CHUNK)],
    );
    for (const row of rows) {
      items.set(row.id, {
        text: row.text,
        vector: quantisedFromBytes(new Uint8Array(row.embedding)),
      });
    }
  }
  return items;
}
