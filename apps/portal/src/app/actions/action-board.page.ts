import { CdkDrag, CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { retry, timer } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { ActionsApi } from '../data/actions-api';
import { LiveApi } from '../data/live-api';
import type { ActionStatus, ActionSummaryFragment } from '../graphql/generated';
import { Chip } from '../shared/chip';
import { ErrorPanel } from '../shared/error-panel';
import {
  actionStatusLabel,
  nextMoves,
  noticeSummaryLabel,
  noticeSummaryTone,
  canAnnounce,
  type StatusMove,
} from './action-status';
import { canMove, groupByStatus, withStatus } from './board';
import { CreateActionDialog } from './create-action.dialog';
import { DeclineDialog, type DeclineDialogData, type DeclineDialogResult } from './decline.dialog';

/**
 * The actions board: a column per status with counts; a card moves by its menu or by drag and
 * drop, along the lifecycle's moves only; moves made anywhere arrive live (actionStatusChanged).
 */
@Component({
  selector: 'cl-action-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    MatButtonModule,
    MatMenuModule,
    MatProgressBarModule,
    RouterLink,
    Chip,
    ErrorPanel,
  ],
  templateUrl: './action-board.page.html',
  styleUrl: './action-board.page.scss',
})
export class ActionBoardPage {
  private readonly api = inject(ActionsApi);
  private readonly live = inject(LiveApi);
  protected readonly canChange = inject(SessionStore).canChange;
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly loaded = rxResource({ stream: () => this.api.list() });
  /** The actions as shown: the loaded list with the moves made since. */
  protected readonly actions = linkedSignal<readonly ActionSummaryFragment[]>(() =>
    this.loaded.hasValue() ? this.loaded.value() : [],
  );
  protected readonly columns = computed(() => groupByStatus(this.actions()));
  protected readonly moving = signal<string | null>(null);
  /** What the last move did, for screen readers and sighted people alike. */
  protected readonly status = signal('');
  protected readonly error = signal<unknown>(null);
  protected readonly liveState = signal<'connecting' | 'live' | 'paused'>('connecting');
  protected readonly dragging = signal<ActionStatus | null>(null);

  protected readonly statusLabel = actionStatusLabel;
  protected readonly noticeLabel = noticeSummaryLabel;
  protected readonly noticeTone = noticeSummaryTone;
  protected readonly canAnnounce = canAnnounce;

  constructor() {
    this.live
      .actionStatusChanges()
      .pipe(
        retry({
          delay: () => {
            this.liveState.set('paused');
            return timer(5_000);
          },
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe({
        next: (change) => {
          this.liveState.set('live');
          if (this.actions().some((a) => a.id === change.actionId)) {
            this.actions.update((list) => withStatus(list, change.actionId, change.to));
          } else {
            this.loaded.reload();
          }
        },
      });
    this.liveState.set('live');
  }

  protected movesOf(action: ActionSummaryFragment): readonly StatusMove[] {
    return nextMoves(action.status);
  }

  /** Drop targets accept only the lifecycle's next statuses of the dragged card. */
  protected readonly enterPredicate = (
    drag: CdkDrag<ActionSummaryFragment>,
    drop: CdkDropList<ActionStatus>,
  ) => canMove(drag.data.status, drop.data);

  protected dropped(event: CdkDragDrop<ActionStatus, ActionStatus, ActionSummaryFragment>): void {
    this.dragging.set(null);
    const action = event.item.data;
    const to = event.container.data;
    if (!canMove(action.status, to)) return;
    const move = nextMoves(action.status).find((m) => m.to === to);
    if (move) this.move(action, move);
  }

  protected move(action: ActionSummaryFragment, move: StatusMove): void {
    if (move.needsReason) {
      this.dialog
        .open<DeclineDialog, DeclineDialogData, DeclineDialogResult>(DeclineDialog, {
          data: { title: action.title },
          autoFocus: 'first-tabbable',
          restoreFocus: true,
        })
        .afterClosed()
        .subscribe((result) => {
          if (result) this.change(action, move.to, { reason: result.reason });
        });
      return;
    }
    this.change(action, move.to, {});
  }

  protected newAction(): void {
    this.dialog
      .open<CreateActionDialog, undefined, ActionSummaryFragment>(CreateActionDialog, {
        width: '1040px',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
        restoreFocus: true,
      })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.snackBar.open(`Action “${created.title}” created`, 'OK', { duration: 5000 });
        void this.router.navigate(['/actions', created.id]);
      });
  }

  private change(
    action: ActionSummaryFragment,
    to: ActionStatus,
    options: { readonly reason?: string },
  ): void {
    this.moving.set(action.id);
    this.error.set(null);
    this.api.changeStatus(action.id, to, options).subscribe({
      next: (updated) => {
        this.moving.set(null);
        this.actions.update((list) => withStatus(list, updated.id, updated.status));
        this.status.set(`“${action.title}” moved to ${actionStatusLabel(updated.status)}.`);
      },
      error: (error: unknown) => {
        this.moving.set(null);
        this.error.set(error);
      },
    });
  }
}
