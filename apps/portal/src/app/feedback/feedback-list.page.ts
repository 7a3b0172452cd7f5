import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  linkedSignal,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ExplorerApi } from '../data/explorer-api';
import { ErrorPanel } from '../shared/error-panel';
import { sourceLabel } from '../shared/feedback-format';
import {
  activeFilterCount,
  dayOf,
  filtersFromParams,
  JOURNEY_STAGES,
  METRICS,
  scoreBandsFor,
  SENTIMENTS,
  SOURCES,
  toFilterInput,
  type ExplorerFilters,
  type FilterKey,
} from './explorer-filters';
import { ExplorerTable } from './explorer-table';
import { sentimentText, titleCase } from './feedback-labels';
import { Pager } from '../shared/pager';

const PAGE = 50;
const SEARCH_DELAY_MS = 400;

const sameFilters = (a: ExplorerFilters, b: ExplorerFilters) =>
  (Object.keys(a) as FilterKey[]).every((k) => a[k] === b[k]);

/**
 * The feedback explorer: filters for source, metric and band, sentiment, theme, journey stage,
 * dates and words, all in the URL (so links and reloads keep them); pages from the server.
 */
@Component({
  selector: 'cl-feedback-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    Pager,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    ErrorPanel,
    ExplorerTable,
  ],
  templateUrl: './feedback-list.page.html',
  styleUrl: './feedback-list.page.scss',
})
export class FeedbackListPage {
  private readonly api = inject(ExplorerApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  protected readonly sources = SOURCES;
  protected readonly metrics = METRICS;
  protected readonly sentiments = SENTIMENTS;
  protected readonly stages = JOURNEY_STAGES;
  protected readonly sourceLabel = sourceLabel;
  protected readonly sentimentText = sentimentText;
  protected readonly titleCase = titleCase;
  protected readonly dayOf = dayOf;

  private readonly query = toSignal(this.route.queryParamMap, {
    initialValue: this.route.snapshot.queryParamMap,
  });
  protected readonly filters = computed(() => filtersFromParams((key) => this.query().get(key)), {
    equal: sameFilters,
  });
  protected readonly activeCount = computed(() => activeFilterCount(this.filters()));
  protected readonly bands = computed(() => scoreBandsFor(this.filters().metric));

  /** Cursors of the pages opened so far; back to the first page whenever the filters change. */
  protected readonly cursors = linkedSignal<ExplorerFilters, readonly (string | null)[]>({
    source: this.filters,
    computation: () => [null],
  });
  protected readonly page = rxResource({
    params: () => ({ filter: toFilterInput(this.filters()), after: this.cursors().at(-1) ?? null }),
    stream: ({ params }) => this.api.page(PAGE, params.after, params.filter),
  });
  protected readonly themes = rxResource({ stream: () => this.api.themeChoices() });
  /** The theme choices, with the filtered theme even when it is not among the biggest. */
  protected readonly themeOptions = computed(() => {
    const choices = this.themes.hasValue() ? this.themes.value() : [];
    const id = this.filters().themeId;
    return id && !choices.some((t) => t.id === id)
      ? [...choices, { id, label: 'The linked theme', volume: 0 }]
      : choices;
  });
  protected readonly firstShown = computed(() => (this.cursors().length - 1) * PAGE + 1);

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected set(key: FilterKey, value: string | null): void {
    const next: Record<string, string | null> = { [key]: value || null };
    // A band belongs to a metric: changing the metric drops a band it does not have.
    if (key === 'metric' && value && this.filters().scoreBand) {
      const bands = scoreBandsFor(value as ExplorerFilters['metric']);
      if (!bands.includes(this.filters().scoreBand ?? '')) next['scoreBand'] = null;
    }
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: next,
      queryParamsHandling: 'merge',
    });
  }

  protected onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.set('search', value.trim()), SEARCH_DELAY_MS);
  }

  protected searchNow(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    const input = (event.target as HTMLFormElement).elements.namedItem('search');
    this.set('search', (input as HTMLInputElement | null)?.value.trim() ?? '');
  }

  protected onDate(key: 'occurredFrom' | 'occurredTo', event: Event): void {
    this.set(key, (event.target as HTMLInputElement).value);
  }

  protected clearAll(): void {
    clearTimeout(this.searchTimer);
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected next(): void {
    const page = this.page.hasValue() ? this.page.value() : null;
    if (page?.hasNextPage) this.cursors.update((c) => [...c, page.endCursor]);
  }

  protected previous(): void {
    this.cursors.update((c) => (c.length > 1 ? c.slice(0, -1) : c));
  }
}
