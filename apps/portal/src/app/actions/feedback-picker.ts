import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FeedbackApi } from '../data/feedback-api';
import { ErrorPanel } from '../shared/error-panel';
import { matchesFilter, newestFirst } from '../shared/feedback-format';
import { FeedbackTable } from '../shared/feedback-table';

/** Choose feedback from the newest 200, with a filter; for creating actions and linking feedback. */
@Component({
  selector: 'cl-feedback-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ErrorPanel,
    FeedbackTable,
  ],
  template: `
    <div class="picker-head">
      <mat-form-field subscriptSizing="dynamic" class="filter">
        <mat-label>Filter feedback</mat-label>
        <input matInput type="search" [value]="filter()" (input)="onFilter($event)" />
      </mat-form-field>
      <span class="muted" aria-live="polite">{{ selected().length }} selected</span>
      @if (selected().length > 0) {
        <button mat-button type="button" (click)="selected.set([])">Clear selection</button>
      }
    </div>
    @if (feedback.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading feedback" />
    }
    @if (feedback.error(); as error) {
      <cl-error-panel
        [error]="error"
        title="The feedback could not be loaded"
        retryLabel="Try again"
        (retry)="feedback.reload()"
      />
    } @else if (feedback.hasValue()) {
      @if (rows().length === 0) {
        <p class="muted">
          {{ filter() ? 'No feedback matches the filter.' : 'There is no feedback to link yet.' }}
        </p>
      } @else {
        <div class="scroll">
          <cl-feedback-table
            [rows]="rows()"
            label="Feedback to link"
            [selectable]="true"
            [(selected)]="selected"
            [lockedIds]="lockedIds()"
          />
        </div>
      }
    }
  `,
  styles: `
    .picker-head {
      display: flex;
      align-items: center;
      gap: 16px;
      margin-bottom: 8px;
    }
    .filter {
      width: 320px;
    }
    .scroll {
      max-height: 360px;
      overflow-y: auto;
    }
  `,
})
export class FeedbackPicker {
  private readonly api = inject(FeedbackApi);

  readonly selected = model<readonly string[]>([]);
  /** Feedback already linked: shown ticked, not selectable again. */
  readonly lockedIds = input<readonly string[]>([]);

  protected readonly filter = signal('');
  protected readonly feedback = rxResource({ stream: () => this.api.list(200) });
  protected readonly rows = computed(() =>
    this.feedback.hasValue()
      ? newestFirst(this.feedback.value()).filter((row) => matchesFilter(row, this.filter()))
      : [],
  );

  protected onFilter(event: Event): void {
    this.filter.set((event.target as HTMLInputElement).value);
  }
}
