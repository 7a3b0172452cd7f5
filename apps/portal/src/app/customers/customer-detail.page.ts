import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { SessionStore } from '../auth/session.store';
import { noticeStatusLabel, noticeStatusTone } from '../actions/action-status';
import { CustomersApi } from '../data/customers-api';
import { ExplorerTable } from '../feedback/explorer-table';
import { Chip } from '../shared/chip';
import { ErrorPanel } from '../shared/error-panel';
import { customerName, sourceLabel } from '../shared/feedback-format';
import { EraseCustomerDialog, type EraseCustomerDialogData } from './erase-customer.dialog';

const FEEDBACK_PAGE = 50;

/** One customer across sources: identities, feedback (newest first), notices, unsubscribe. */
@Component({
  selector: 'cl-customer-detail-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
    Chip,
    ErrorPanel,
    ExplorerTable,
  ],
  templateUrl: './customer-detail.page.html',
  styles: `
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      font-weight: 500;
    }
    dd {
      margin: 0;
    }
    ul.plain {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .danger {
      border-left: 4px solid var(--mat-sys-error);
    }
  `,
})
export class CustomerDetailPage {
  private readonly api = inject(CustomersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly isAdmin = inject(SessionStore).isAdmin;
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly customer = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.api.get(params.id, FEEDBACK_PAGE, null),
  });
  protected readonly current = computed(() =>
    this.customer.hasValue() ? this.customer.value() : null,
  );
  protected readonly feedbackRows = computed(
    () => this.current()?.feedback.edges.map((e) => e.node) ?? [],
  );
  /** The sources the customer's shown feedback came through. */
  protected readonly sources = computed(() => [
    ...new Set(this.current()?.feedback.edges.map((e) => sourceLabel(e.node.source)) ?? []),
  ]);
  protected readonly erasing = signal(false);
  protected readonly eraseError = signal<unknown>(null);
  protected readonly noticeColumns = ['action', 'status', 'subject', 'createdAt', 'sentAt'];
  protected readonly customerName = customerName;
  protected readonly noticeLabel = noticeStatusLabel;
  protected readonly noticeTone = noticeStatusTone;

  protected erase(): void {
    const c = this.current();
    if (!c) return;
    this.dialog
      .open<EraseCustomerDialog, EraseCustomerDialogData, boolean>(EraseCustomerDialog, {
        data: { name: customerName(c), confirmation: c.email ?? 'ERASE' },
        autoFocus: 'first-tabbable',
        restoreFocus: true,
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.erasing.set(true);
        this.eraseError.set(null);
        this.api.erase(c.id).subscribe({
          next: (result) => {
            this.erasing.set(false);
            this.snackBar.open(
              `Customer erased: ${result.feedbackErased} feedback items, ${result.noticesSuppressed} notices stopped, ${result.deadLettersErased} dead letters erased`,
              'OK',
              { duration: 6000 },
            );
            this.customer.reload();
          },
          error: (error: unknown) => {
            this.erasing.set(false);
            this.eraseError.set(error);
          },
        });
      });
  }
}
