import { SessionStore } from '../auth/session.store';
import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { filter, finalize, Observable, switchMap } from 'rxjs';
import { ActionsApi } from '../data/actions-api';
import { ActionComments } from './action-comments';
import { ActionImpact } from './action-impact';
import type { ActionDetailFragment, AnnounceActionMutation } from '../graphql/generated';
import { Chip } from '../shared/chip';
import { ErrorPanel } from '../shared/error-panel';
import { customerEmail, customerName } from '../shared/feedback-format';
import { FeedbackTable } from '../shared/feedback-table';
import {
  actionStatusLabel,
  actionStatusTone,
  canAnnounce,
  nextMoves,
  noticeStatusLabel,
  noticeStatusTone,
  noticeSummaryLabel,
  noticeSummaryTone,
  StatusMove,
} from './action-status';
import { DeliveryProgress } from './delivery-progress';
import { AnnounceForm } from './announce-form';
import { DeclineDialog, DeclineDialogData, DeclineDialogResult } from './decline.dialog';
import { LinkFeedbackDialog, LinkFeedbackDialogData } from './link-feedback.dialog';

/** How often the page asks for delivery progress while notices are pending (ms). */

@Component({
  selector: 'cl-action-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    Chip,
    ErrorPanel,
    FeedbackTable,
    AnnounceForm,
    DeliveryProgress,
    ActionImpact,
    ActionComments,
  ],
  templateUrl: './action-detail.page.html',
  styleUrl: './action-detail.page.scss',
})
export class ActionDetailPage {
  private readonly api = inject(ActionsApi);
  /** Viewers see the action but not the controls that change it. */
  protected readonly canChange = inject(SessionStore).canChange;
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly title = inject(Title);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly action = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.api.get(params.id),
  });
  /** The action once loaded (null: no such action). */
  protected readonly current = computed(() =>
    this.action.hasValue() ? this.action.value() : undefined,
  );
  protected readonly moves = computed(() => {
    const action = this.current();
    return action ? nextMoves(action.status) : [];
  });
  protected readonly announceable = computed(() => {
    const action = this.current();
    return !!action && canAnnounce(action.status);
  });
  /** The action's notice counts for the live delivery progress. */
  protected readonly deliveryCounts = computed(() => {
    const summary = this.current()?.noticeSummary;
    return summary ? { ...summary, delivered: summary.sent } : null;
  });
  protected readonly linkedIds = computed(() => this.current()?.feedback.map((f) => f.id) ?? []);

  protected readonly note = signal('');
  protected readonly busy = signal(false);
  protected readonly changeError = signal<unknown>(null);

  protected readonly statusLabel = actionStatusLabel;
  protected readonly statusTone = actionStatusTone;
  protected readonly noticeStatusLabel = noticeStatusLabel;
  protected readonly noticeStatusTone = noticeStatusTone;
  protected readonly summaryLabel = noticeSummaryLabel;
  protected readonly summaryTone = noticeSummaryTone;
  protected readonly customerName = customerName;
  protected readonly customerEmail = customerEmail;
  protected readonly noticeColumns = ['customer', 'status', 'sentAt', 'messageId'];
  protected readonly historyColumns = ['at', 'change', 'actor', 'note'];

  constructor() {
    effect(() => {
      const action = this.current();
      if (action) this.title.setTitle(`${action.title} · Actions · ClosedLoop`);
    });
  }

  protected onNote(event: Event): void {
    this.note.set((event.target as HTMLInputElement).value);
  }

  protected move(move: StatusMove): void {
    const action = this.current();
    if (!action || this.busy()) return;
    if (move.needsReason) {
      this.dialog
        .open<DeclineDialog, DeclineDialogData, DeclineDialogResult>(DeclineDialog, {
          data: { title: action.title },
          width: '560px',
        })
        .afterClosed()
        .pipe(
          filter((result): result is DeclineDialogResult => !!result),
          switchMap((result) =>
            this.run(
              this.api.changeStatus(action.id, move.to, {
                reason: result.reason,
                note: this.note().trim(),
              }),
            ),
          ),
        )
        .subscribe({
          next: (updated) => this.applied(updated, `Declined “${updated.title}”`),
          error: (e: unknown) => this.changeError.set(e),
        });
      return;
    }
    this.run(this.api.changeStatus(action.id, move.to, { note: this.note().trim() })).subscribe({
      next: (updated) => this.applied(updated, `Moved to ${actionStatusLabel(updated.status)}`),
      error: (e: unknown) => this.changeError.set(e),
    });
  }

  protected linkFeedback(): void {
    const action = this.current();
    if (!action) return;
    this.dialog
      .open<LinkFeedbackDialog, LinkFeedbackDialogData, ActionDetailFragment>(LinkFeedbackDialog, {
        data: { actionId: action.id, title: action.title, linkedIds: this.linkedIds() },
        width: '1040px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((updated) => {
        if (updated) this.applied(updated, 'Feedback linked');
      });
  }

  protected onAnnounced(result: AnnounceActionMutation['announceAction']): void {
    this.applied(
      result.action,
      `Announced: ${result.noticesQueued === 1 ? '1 notice' : `${result.noticesQueued} notices`} queued`,
    );
  }

  private run(request: Observable<ActionDetailFragment>): Observable<ActionDetailFragment> {
    this.busy.set(true);
    this.changeError.set(null);
    return request.pipe(finalize(() => this.busy.set(false)));
  }

  private applied(updated: ActionDetailFragment, message: string): void {
    this.action.set(updated);
    this.note.set('');
    this.snackBar.open(message, 'OK', { duration: 5000 });
  }
}
