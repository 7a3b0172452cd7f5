import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { FeedbackApi, MAX_FEEDBACK } from '../data/feedback-api';
import type { FeedbackRowFragment } from '../graphql/generated';
import { ErrorPanel } from '../shared/error-panel';
import { matchesFilter, newestFirst } from '../shared/feedback-format';
import { FeedbackTable } from '../shared/feedback-table';

const PAGE = 100;

@Component({
  selector: 'cl-feedback-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ErrorPanel,
    FeedbackTable,
  ],
  templateUrl: './feedback-list.page.html',
  styles: `
    .filter {
      width: 320px;
    }
    .more {
      display: flex;
      justify-content: center;
      margin-top: 16px;
    }
  `,
})
export class FeedbackListPage {
  private readonly api = inject(FeedbackApi);

  protected readonly first = signal(PAGE);
  protected readonly filter = signal('');
  protected readonly feedback = rxResource({
    params: () => ({ first: this.first() }),
    stream: ({ params }) => this.api.list(params.first),
  });

  /** The loaded rows, newest first; kept on screen while more are loading. */
  protected readonly all = linkedSignal<
    readonly FeedbackRowFragment[] | undefined,
    readonly FeedbackRowFragment[]
  >({
    source: () => (this.feedback.hasValue() ? this.feedback.value() : undefined),
    computation: (rows, previous) =>
      rows ? newestFirst(rows) : this.feedback.isLoading() ? (previous?.value ?? []) : [],
  });
  protected readonly shown = computed(() =>
    this.all().filter((row) => matchesFilter(row, this.filter())),
  );
  protected readonly canLoadMore = computed(
    () =>
      this.feedback.hasValue() && this.all().length >= this.first() && this.first() < MAX_FEEDBACK,
  );

  protected loadMore(): void {
    this.first.update((n) => Math.min(n + PAGE, MAX_FEEDBACK));
  }

  protected onFilter(event: Event): void {
    this.filter.set((event.target as HTMLInputElement).value);
  }
}
