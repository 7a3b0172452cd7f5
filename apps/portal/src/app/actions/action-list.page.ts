import { SessionStore } from '../auth/session.store';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { ActionsApi } from '../data/actions-api';
import type { ActionSummaryFragment } from '../graphql/generated';
import { Chip } from '../shared/chip';
import { ErrorPanel } from '../shared/error-panel';
import {
  actionStatusLabel,
  actionStatusTone,
  noticeSummaryLabel,
  noticeSummaryTone,
} from './action-status';
import { CreateActionDialog } from './create-action.dialog';

@Component({
  selector: 'cl-action-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
    Chip,
    ErrorPanel,
  ],
  templateUrl: './action-list.page.html',
  styles: `
    .title-link {
      font-weight: 500;
    }
    .mat-column-status {
      width: 140px;
    }
    .mat-column-notices {
      width: 260px;
    }
    .mat-column-createdAt {
      width: 130px;
    }
  `,
})
export class ActionListPage {
  private readonly api = inject(ActionsApi);
  protected readonly canChange = inject(SessionStore).canChange;
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly actions = rxResource({ stream: () => this.api.list() });
  protected readonly columns = ['title', 'owner', 'status', 'notices', 'createdAt'];
  protected readonly statusLabel = actionStatusLabel;
  protected readonly statusTone = actionStatusTone;
  protected readonly noticeLabel = noticeSummaryLabel;
  protected readonly noticeTone = noticeSummaryTone;

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
}
