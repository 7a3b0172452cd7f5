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
import { FeedbackApi, type FeedbackPage } from '../data/feedback-api';
import { ErrorPanel } from '../shared/error-panel';
import { matchesFilter, newestFirst } from '../shared/feedback-format';
import { FeedbackTable } from '../shared/feedback-table';

const PAGE = 100;
const EMPTY_PAGE: FeedbackPage = { rows: [], hasNextPage: false, endCursor: null };

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

  /** Where the page being loaded starts: null for the newest. */
  protected readonly after = signal<string | null>(null);
  protected readonly filter = signal('');
  protected readonly feedback = rxResource({
    params: () => ({ after: this.after() }),
    stream: ({ params }) => this.api.page(PAGE, params.after),
  });

  /** The pages loaded so far, newest received first; kept on screen while the next one loads. */
  protected readonly loaded = linkedSignal<FeedbackPage | undefined, FeedbackPage>({
    source: () => (this.feedback.hasValue() ? this.feedback.value() : undefined),
    computation: (page, previous) => {
      if (!page) {
        return this.feedback.isLoading() && previous ? previous.value : EMPTY_PAGE;
      }
      const before = this.after() !== null && previous ? previous.value.rows : [];
      return { ...page, rows: [...before, ...page.rows] };
    },
  });
  protected readonly all = computed(() => newestFirst(this.loaded().rows));
  protected readonly shown = computed(() =>
    this.all().filter((row) => matchesFilter(row, this.filter())),
  );
  protected readonly canLoadMore = computed(
    () => this.feedback.hasValue() && this.loaded().hasNextPage,
  );

  protected loadMore(): void {
    this.after.set(this.loaded().endCursor);
  }

  /** Loads the newest page again, forgetting the older pages. */
  protected refresh(): void {
    if (this.after() === null) this.feedback.reload();
    else this.after.set(null);
  }

  protected onFilter(event: Event): void {
    this.filter.set((event.target as HTMLInputElement).value);
  }
}
