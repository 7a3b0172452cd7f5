import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { catchError, debounceTime, EMPTY, filter, forkJoin, map, of, retry, timer } from 'rxjs';
import { actionStatusLabel, actionStatusTone } from '../actions/action-status';
import { CreateActionDialog, type CreateActionDialogData } from '../actions/create-action.dialog';
import { SessionStore } from '../auth/session.store';
import type { ActionSummaryFragment } from '../graphql/generated';
import { Chart } from '../shared/charts/chart';
import { Chip } from '../shared/chip';
import { ErrorPanel } from '../shared/error-panel';
import { sourceLabel } from '../shared/feedback-format';
import { ConfirmDialog, type ConfirmDialogData } from './confirm.dialog';
import { RenameThemeDialog, type RenameThemeDialogData } from './rename-theme.dialog';
import { SplitProposalDialog } from './split-proposal.dialog';
import {
  breakdownBars,
  formatNps,
  formatSentiment,
  formatShare,
  reasonText,
  sentimentTone,
} from './theme-format';
import { ThemePickerDialog, type ThemePickerDialogData } from './theme-picker.dialog';
import { themeTrendOptions } from './theme-trend-chart';
import { ThemesApi } from './themes-api';

/** One theme: what it says, why items are in it, how it trends, what is done about it; and a CX lead's corrections. */
@Component({
  selector: 'cl-theme-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatProgressBarModule,
    RouterLink,
    Chart,
    Chip,
    ErrorPanel,
  ],
  templateUrl: './theme-detail.page.html',
  styleUrl: './theme-detail.page.scss',
})
export class ThemeDetailPage {
  /** The route's :id (component input binding). */
  readonly id = input.required<string>();

  private readonly api = inject(ThemesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  protected readonly canChange = inject(SessionStore).canChange;

  protected readonly detail = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly theme = computed(() =>
    this.detail.hasValue() ? this.detail.value().theme : undefined,
  );
  protected readonly actions = computed(() =>
    this.detail.hasValue() ? this.detail.value().actions : [],
  );

  /** Labels of the themes this one went into or came from. */
  protected readonly lineage = rxResource({
    params: () => {
      const t = this.theme();
      return t ? { mergedInto: t.mergedInto ?? null, splitFrom: t.splitFrom ?? null } : undefined;
    },
    stream: ({ params }) =>
      forkJoin({
        mergedInto: params.mergedInto ? this.api.related(params.mergedInto) : of(null),
        splitFrom: params.splitFrom ? this.api.related(params.splitFrom) : of(null),
      }),
  });

  protected readonly trendOptions = computed(() => themeTrendOptions(this.theme()?.days ?? []));
  protected readonly sources = computed(() =>
    breakdownBars((this.theme()?.bySource ?? []).map((b) => ({ ...b, label: sourceLabel(b.key) }))),
  );
  protected readonly stages = computed(() =>
    breakdownBars(
      (this.theme()?.byJourneyStage ?? []).map((b) => ({ ...b, label: stageLabel(b.key) })),
    ),
  );
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal(false);
  protected readonly actionError = signal<unknown>(null);

  protected readonly share = formatShare;
  protected readonly sentiment = formatSentiment;
  protected readonly nps = formatNps;
  protected readonly tone = sentimentTone;
  protected readonly reason = reasonText;
  protected readonly source = sourceLabel;
  protected readonly statusLabel = actionStatusLabel;
  protected readonly statusTone = actionStatusTone;

  constructor() {
    // Live: reload when this theme (or one merged into or split from it) changes elsewhere.
    this.api
      .changes()
      .pipe(
        filter((c) => c.themeId === this.id() || c.relatedThemeId === this.id()),
        debounceTime(300),
        retry({ delay: () => timer(5000) }),
        catchError(() => EMPTY),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => {
        if (!this.busy()) this.detail.reload();
      });
  }

  protected toggle(feedbackId: string, checked: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(feedbackId);
      else next.delete(feedbackId);
      return next;
    });
  }

  protected rename(label: string): void {
    this.dialog
      .open<RenameThemeDialog, RenameThemeDialogData, string>(RenameThemeDialog, {
        data: { id: this.id(), label },
        width: '480px',
      })
      .afterClosed()
      .subscribe((renamed) => {
        if (!renamed) return;
        this.snackBar.open(`Renamed to “${renamed}”`, undefined, { duration: 4000 });
        this.detail.reload();
      });
  }

  protected pin(pinned: boolean): void {
    this.run(this.api.pin(this.id(), pinned), pinned ? 'Theme pinned' : 'Theme unpinned');
  }

  protected markNoise(): void {
    this.confirm({
      title: 'Set this theme aside as noise?',
      message:
        'It leaves the list of active themes and the engine never brings its items back into a theme.',
      confirmLabel: 'Mark as noise',
    }).subscribe((ok) => {
      if (ok) this.run(this.api.markNoise(this.id()), 'Theme set aside as noise');
    });
  }

  protected merge(label: string): void {
    const id = this.id();
    this.pickTheme({
      title: 'Merge into another theme',
      explanation: `“${label}” and all its feedback will join the theme you choose; this page will then point there.`,
      confirmLabel: 'Merge',
      excludeId: id,
      apply: (target) => this.api.mergeInto(id, target.id),
    }).subscribe((target) => {
      if (!target) return;
      this.snackBar.open(`Merged into “${target.label}”`, undefined, { duration: 5000 });
      void this.router.navigate(['/themes', target.id]);
    });
  }

  protected moveSelected(): void {
    const ids = [...this.selected()];
    this.pickTheme({
      title: `Move ${ids.length} item${ids.length === 1 ? '' : 's'} to another theme`,
      explanation: 'The engine keeps them there and learns from the move.',
      confirmLabel: 'Move',
      excludeId: this.id(),
      apply: (target) => this.api.move(ids, target.id),
    }).subscribe((target) => {
      if (!target) return;
      this.selected.set(new Set());
      this.snackBar.open(`Moved to “${target.label}”`, undefined, { duration: 5000 });
      this.detail.reload();
    });
  }

  protected splitSelected(): void {
    const ids = [...this.selected()];
    this.confirm({
      title: 'Split into a new theme?',
      message: `The ${ids.length} chosen item${ids.length === 1 ? '' : 's'} will leave this theme and start a new one.`,
      confirmLabel: 'Split',
    }).subscribe((ok) => {
      if (!ok) return;
      this.busy.set(true);
      this.actionError.set(null);
      this.api.split(this.id(), ids).subscribe({
        next: (created) => this.afterSplit(created),
        error: (e: unknown) => {
          this.busy.set(false);
          this.actionError.set(e);
        },
      });
    });
  }

  protected reviewProposal(): void {
    this.dialog
      .open<SplitProposalDialog, string, { id: string; label: string }>(SplitProposalDialog, {
        data: this.id(),
        width: '720px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((created) => {
        if (created) this.afterSplit(created);
      });
  }

  protected createAction(): void {
    this.dialog
      .open<CreateActionDialog, CreateActionDialogData, ActionSummaryFragment>(CreateActionDialog, {
        data: { themeIds: [this.id()] },
        width: '1040px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
        restoreFocus: true,
      })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.snackBar.open(`Action “${created.title}” created`, undefined, { duration: 5000 });
        this.detail.reload();
      });
  }

  private afterSplit(created: { id: string; label: string }): void {
    this.busy.set(false);
    this.selected.set(new Set());
    this.snackBar.open(`Split into a new theme, “${created.label}”`, undefined, { duration: 5000 });
    void this.router.navigate(['/themes', created.id]);
  }

  private run(change: ReturnType<ThemesApi['pin']>, done: string): void {
    this.busy.set(true);
    this.actionError.set(null);
    change.subscribe({
      next: () => {
        this.busy.set(false);
        this.snackBar.open(done, undefined, { duration: 4000 });
        this.detail.reload();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.actionError.set(e);
      },
    });
  }

  private confirm(data: ConfirmDialogData) {
    return this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, width: '440px' })
      .afterClosed()
      .pipe(map((ok) => ok === true));
  }

  private pickTheme(data: ThemePickerDialogData) {
    return this.dialog
      .open<ThemePickerDialog, ThemePickerDialogData, { id: string; label: string }>(
        ThemePickerDialog,
        {
          data,
          width: '560px',
          maxWidth: '95vw',
        },
      )
      .afterClosed();
  }
}

const STAGES: Readonly<Record<string, string>> = {
  discover: 'Discover',
  buy: 'Buy',
  onboard: 'Onboard',
  use: 'Use',
  support: 'Support',
  renew: 'Renew',
  leave: 'Leave',
  unknown: 'Unknown',
};

function stageLabel(key: string): string {
  return STAGES[key] ?? key;
}
