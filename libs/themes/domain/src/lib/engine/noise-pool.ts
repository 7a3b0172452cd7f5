import { NoiseItem } from './noise-item';
import { NoiseRecord } from './engine-state';

/**
 * Items set aside as noise, bounded (oldest dropped first), remembering what entered and left
 * since the last {@link takeChanges} so only that needs saving.
 */
export class NoisePool {
  private readonly items = new Map<string, NoiseItem>();
  private readonly added = new Map<string, NoiseRecord>();
  private readonly removed = new Set<string>();
  /** Added since the last review: always reviewed next. */
  private readonly fresh = new Set<string>();
  /** Where the rotating review of older items goes on from. */
  private reviewOffset = 0;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.size;
  }

  all(): NoiseItem[] {
    return [...this.items.values()];
  }

  get(id: string): NoiseItem | undefined {
    return this.items.get(id);
  }

  add(item: NoiseItem): void {
    this.items.delete(item.id);
    this.items.set(item.id, item);
    this.added.set(item.id, { id: item.id, manual: item.manual });
    this.removed.delete(item.id);
    this.fresh.add(item.id);
    for (const oldest of this.items.keys()) {
      if (this.items.size <= this.capacity) break;
      this.remove(oldest);
    }
  }

  remove(id: string): NoiseItem | undefined {
    const item = this.items.get(id);
    if (!item) return undefined;
    this.items.delete(id);
    this.added.delete(id);
    this.fresh.delete(id);
    this.removed.add(id);
    return item;
  }

  /** Restores an item without recording a change (loading from storage). */
  restore(item: NoiseItem): void {
    this.items.set(item.id, item);
  }

  /** Forgets an item without recording a change (applying someone else's saved change). */
  discard(id: string): void {
    this.items.delete(id);
    this.fresh.delete(id);
  }

  /**
   * Items to re-examine in a consolidation pass: every item added since the last review, and the
   * next `older` of the rest in turn, so each pass costs a bounded amount and every item comes up
   * again after (pool size / `older`) passes.
   */
  forReview(older: number): NoiseItem[] {
    const chosen = [...this.fresh].map((id) => this.items.get(id) as NoiseItem);
    this.fresh.clear();
    const rest = [...this.items.values()].filter((item) => !chosen.includes(item));
    if (rest.length > 0) {
      const start = this.reviewOffset % rest.length;
      for (let i = 0; i < Math.min(older, rest.length); i++)
        chosen.push(rest[(start + i) % rest.length]);
      this.reviewOffset = start + Math.min(older, rest.length);
    }
    return chosen;
  }

  takeChanges(): { added: NoiseRecord[]; removed: string[] } {
    const changes = { added: [...this.added.values()], removed: [...this.removed] };
    this.added.clear();
    this.removed.clear();
    return changes;
  }
}
