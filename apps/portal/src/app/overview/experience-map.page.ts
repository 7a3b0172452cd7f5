import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { OverviewApi } from '../data/overview-api';
import { ErrorPanel } from '../shared/error-panel';
import { experienceGrid, JOURNEY_STAGES, type GridCell } from './experience-grid';
import { formatSentiment } from './overview-format';
import { lastDays, parseRangeDays, RANGE_DAYS, rangeLabel } from './overview-range';

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const SOURCE_NAMES: Readonly<Record<string, string>> = { crm: 'CRM' };
/** A source or stage as shown: "CRM", "Survey", "Onboard". */
const displayName = (word: string) => SOURCE_NAMES[word] ?? capitalise(word);

/** Journey stages across, sources down: how much customers said and how they felt. */
@Component({
  selector: 'cl-experience-map-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, RouterLink, ErrorPanel],
  templateUrl: './experience-map.page.html',
  styleUrl: './experience-map.page.scss',
})
export class ExperienceMapPage {
  private readonly api = inject(OverviewApi);

  /** The `days` query parameter. */
  readonly days = input<string>();
  protected readonly span = computed(() => parseRangeDays(this.days()));
  protected readonly range = computed(() => lastDays(this.span(), new Date()));
  protected readonly rangeDays = RANGE_DAYS;
  protected readonly rangeLabel = rangeLabel;
  protected readonly stages = JOURNEY_STAGES;
  protected readonly name = displayName;
  protected readonly formatSentiment = formatSentiment;

  protected readonly cells = rxResource({
    params: () => this.range(),
    stream: ({ params }) => this.api.experienceMap(params),
  });
  protected readonly grid = computed(() =>
    this.cells.hasValue() ? experienceGrid(this.cells.value()) : [],
  );
  protected readonly total = computed(() =>
    this.cells.hasValue() ? this.cells.value().reduce((sum, c) => sum + c.volume, 0) : 0,
  );

  /** The feedback explorer's filter for a cell: its source, stage and the range shown. */
  protected explorerParams(cell: GridCell): Record<string, string> {
    return {
      source: cell.source.toUpperCase(),
      journeyStage: cell.journeyStage.toUpperCase(),
      occurredFrom: this.range().from,
      occurredTo: this.range().to,
    };
  }

  /** Where a cell is, for screen readers: the row and column its link sits in. */
  protected cellPlace(cell: GridCell): string {
    return `${displayName(cell.source)}, ${cell.journeyStage}: `;
  }
}
