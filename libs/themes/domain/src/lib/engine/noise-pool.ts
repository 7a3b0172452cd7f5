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
  }

  takeChanges(): { added: NoiseRecord[]; removed: string[] } {
    const changes = { added: [...this.added.values()], removed: [...this.removed] };
    this.added.clear();
    this.removed.clear();
    return changes;
  }
}
