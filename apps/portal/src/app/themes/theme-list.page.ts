import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import type { ThemeSort, ThemeStatus } from '../graphql/generated';
import { Chip } from '../shared/chip';
import { ErrorPanel } from '../shared/error-panel';
import { SourceMix } from './source-mix';
import { Sparkline } from './sparkline';
import {
  formatNps,
  formatSentiment,
  formatShare,
  readThemeListParams,
  sentimentTone,
  THEME_SORTS,
  THEME_STATUSES,
  themeListQueryParams,
  type ThemeListParams,
} from './theme-format';
import { ThemesApi } from './themes-api';
import { Pager } from '../shared/pager';

const PAGE_SIZE = 25;

/** Themes, a page at a time, with search, sort, status and emerging in the URL. */
@Component({
  selector: 'cl-theme-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    Pager,
    DatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    Chip,
    ErrorPanel,
    SourceMix,
    Sparkline,
  ],
  templateUrl: './theme-list.page.html',
  styleUrl: './theme-list.page.scss',
})
export class ThemeListPage {
  private readonly api = inject(ThemesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly params = toSignal(
    this.route.queryParamMap.pipe(map((q) => readThemeListParams((name) => q.get(name)))),
    { requireSync: true },
  );
  /** Cursors of the pages before the one shown; reset whenever the list's params change. */
  private readonly cursors = linkedSignal<ThemeListParams, readonly (string | null)[]>({
    source: this.params,
    computation: () => [null],
  });
  protected readonly pageNumber = computed(() => this.cursors().length);

  protected readonly themes = rxResource({
    params: () => ({ params: this.params(), after: this.cursors().at(-1) ?? null }),
    stream: ({ params: { params, after } }) =>
      this.api.list({
        filter: {
          search: params.search.trim() || null,
          status: params.status,
          emerging: params.emerging ? true : null,
        },
        sort: params.sort,
        first: PAGE_SIZE,
        after,
      }),
  });
  protected readonly rows = computed(() =>
    this.themes.hasValue() ? this.themes.value().edges.map((e) => e.node) : [],
  );

  protected readonly sorts = THEME_SORTS;
  protected readonly statuses = THEME_STATUSES;
  protected readonly columns = ['label', 'volume', 'trend', 'sentiment', 'nps', 'sources'];
  protected readonly share = formatShare;
  protected readonly sentiment = formatSentiment;
  protected readonly nps = formatNps;
  protected readonly tone = sentimentTone;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  protected onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.update({ search: value }), 300);
  }

  protected setSort(sort: ThemeSort): void {
    this.update({ sort });
  }

  protected setStatus(status: ThemeStatus): void {
    this.update({ status });
  }

  protected setEmerging(emerging: boolean): void {
    this.update({ emerging });
  }

  protected nextPage(cursor: string | null | undefined): void {
    if (cursor) this.cursors.update((stack) => [...stack, cursor]);
  }

  protected previousPage(): void {
    this.cursors.update((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack));
  }

  private update(change: Partial<ThemeListParams>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: themeListQueryParams({ ...this.params(), ...change }),
      replaceUrl: change.search !== undefined,
    });
  }
}
