import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatTableModule } from '@angular/material/table';
import type { FeedbackRowFragment } from '../graphql/generated';
import { Chip } from './chip';
import { bandTone, customerEmail, customerName, scoreLabel, sourceLabel } from './feedback-format';

/**
 * Feedback as a table: received, source, customer, score and comment. Customer text is only
 * ever interpolated, never bound as HTML. With `selectable`, each row gets a checkbox.
 */
@Component({
  selector: 'cl-feedback-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, MatCheckboxModule, DatePipe, Chip],
  templateUrl: './feedback-table.html',
  styles: `
    .mat-column-select {
      width: 48px;
    }
    .mat-column-receivedAt {
      width: 150px;
    }
    .mat-column-source {
      width: 72px;
    }
    .mat-column-customer {
      width: 240px;
    }
    .mat-column-score {
      width: 190px;
    }
    tr.selected {
      background: var(--mat-sys-secondary-container);
    }
    .no-comment {
      font-style: italic;
    }
  `,
})
export class FeedbackTable {
  readonly rows = input.required<readonly FeedbackRowFragment[]>();
  /** Describes the table to assistive technology. */
  readonly label = input('Customer feedback');
  readonly selectable = input(false);
  /** Ids of the selected rows (two-way bindable). */
  readonly selected = model<readonly string[]>([]);
  /** Rows that show as selected and cannot be changed (already linked, say). */
  readonly lockedIds = input<readonly string[]>([]);

  protected readonly columns = computed(() =>
    this.selectable()
      ? ['select', 'receivedAt', 'source', 'customer', 'score', 'comment']
      : ['receivedAt', 'source', 'customer', 'score', 'comment'],
  );
  private readonly selectedSet = computed(() => new Set(this.selected()));
  private readonly lockedSet = computed(() => new Set(this.lockedIds()));

  protected readonly customerName = customerName;
  protected readonly customerEmail = customerEmail;
  protected readonly scoreLabel = scoreLabel;
  protected readonly bandTone = bandTone;
  protected readonly sourceLabel = sourceLabel;

  protected isLocked(id: string): boolean {
    return this.lockedSet().has(id);
  }

  protected isSelected(id: string): boolean {
    return this.isLocked(id) || this.selectedSet().has(id);
  }

  protected toggle(id: string, checked: boolean): void {
    if (this.isLocked(id)) return;
    const without = this.selected().filter((s) => s !== id);
    this.selected.set(checked ? [...without, id] : without);
  }

  protected checkboxLabel(row: FeedbackRowFragment): string {
    const text = row.text
      ? `: ${row.text.length > 60 ? `${row.text.slice(0, 60)}…` : row.text}`
      : '';
    return `Select feedback from ${customerName(row.customer)}${text}`;
  }
}
