import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { retry } from 'rxjs';
import { OverviewApi } from '../data/overview-api';
import { Chart } from '../shared/charts/chart';
import { ErrorPanel } from '../shared/error-panel';
import { flowTable, loopFlowOptions } from './loop-flow-chart';
import {
  formatHours,
  formatNps,
  formatSentiment,
  formatShare,
  formatWeek,
} from './overview-format';
import { lastDays, parseRangeDays, RANGE_DAYS, rangeLabel } from './overview-range';
import {
  loopFigures,
  loopTrendOptions,
  openLoopsOptions,
  satisfactionPanels,
} from './overview-view';

/** Events arriving within this quiet time ask for one refresh. */
const LIVE_QUIET_MS = 1_500;

/** The loop at a glance: where feedback went, how well the loop closes, how customers feel. */
@Component({
  selector: 'cl-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, RouterLink, Chart, ErrorPanel],
  templateUrl: './overview.page.html',
  styleUrl: './overview.page.scss',
})
export class OverviewPage {
  private readonly api = inject(OverviewApi);

  /** The `days` query parameter. */
  readonly days = input<string>();
  protected readonly span = computed(() => parseRangeDays(this.days()));
  protected readonly range = computed(() => lastDays(this.span(), new Date()));
  protected readonly rangeDays = RANGE_DAYS;
  protected readonly rangeLabel = rangeLabel;
  protected readonly fmt = { formatHours, formatNps, formatSentiment, formatShare, formatWeek };

  protected readonly flow = rxResource({
    params: () => this.range(),
    stream: ({ params }) => this.api.loopFlow(params),
  });
  protected readonly measures = rxResource({
    params: () => this.range(),
    stream: ({ params }) => this.api.loopMeasures(params),
  });
  protected readonly satisfaction = rxResource({
    params: () => this.range(),
    stream: ({ params }) => this.api.satisfactionTrend(params),
  });

  protected readonly flowOptions = computed(() =>
    this.flow.hasValue() ? loopFlowOptions(this.flow.value()) : null,
  );
  protected readonly flowRows = computed(() =>
    this.flow.hasValue() ? flowTable(this.flow.value()) : [],
  );
  protected readonly figures = computed(() =>
    this.measures.hasValue() ? loopFigures(this.measures.value().overall) : [],
  );
  protected readonly trends = computed(() =>
    this.measures.hasValue() && this.measures.value().weekly.length > 0
      ? loopTrendOptions(this.measures.value())
      : null,
  );
  protected readonly openLoops = computed(() =>
    this.measures.hasValue() ? openLoopsOptions(this.measures.value().overall) : null,
  );
  protected readonly panels = computed(() =>
    this.satisfaction.hasValue() ? satisfactionPanels(this.satisfaction.value()) : [],
  );

  constructor() {
    // Live: new feedback or an action's move refreshes what is shown (quietly, keeping it on screen).
    this.api
      .changes(LIVE_QUIET_MS)
      .pipe(retry({ delay: 10_000 }), takeUntilDestroyed())
      .subscribe(() => {
        this.flow.reload();
        this.measures.reload();
        this.satisfaction.reload();
      });
  }
}
