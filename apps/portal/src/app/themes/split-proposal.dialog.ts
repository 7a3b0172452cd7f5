import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { finalize } from 'rxjs';
import { ErrorPanel } from '../shared/error-panel';
import { ThemesApi } from './themes-api';

/** Shows the items the engine would split out of a theme and, on confirmation, splits them. */
@Component({
  selector: 'cl-split-proposal-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatDialogModule, MatButtonModule, MatProgressBarModule, ErrorPanel],
  template: `
    <h2 mat-dialog-title>The engine’s proposed split</h2>
    <mat-dialog-content>
      @if (proposal.isLoading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the proposal" />
      }
      @if (proposal.error(); as e) {
        <cl-error-panel [error]="e" title="The proposal could not be loaded" />
      } @else if (proposal.hasValue()) {
        @if (proposal.value().length === 0) {
          <p>
            The engine sees no split in this theme. Choose items on the theme page to split them by
            hand.
          </p>
        } @else {
          <p>
            These {{ proposal.value().length }} items would start a new theme; other items like them
            follow them there.
          </p>
          <ul class="items">
            @for (item of proposal.value(); track item.id) {
              <li>
                <span class="comment">{{ item.text }}</span>
                <span class="secondary-line"
                  >{{ item.source }} · {{ item.occurredAt | date: 'd MMM y' }}</span
                >
              </li>
            }
          </ul>
        }
      }
      @if (error(); as e) {
        <cl-error-panel [error]="e" title="The theme was not split" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button
        mat-flat-button
        type="button"
        (click)="accept()"
        [disabled]="saving() || !proposal.hasValue() || proposal.value().length === 0"
      >
        Split as proposed
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .items {
      max-height: 360px;
      overflow-y: auto;
      padding-left: 20px;
    }
    li {
      margin-bottom: 8px;
    }
  `,
})
export class SplitProposalDialog {
  private readonly api = inject(ThemesApi);
  private readonly ref =
    inject<MatDialogRef<SplitProposalDialog, { id: string; label: string }>>(MatDialogRef);
  private readonly themeId = inject<string>(MAT_DIALOG_DATA);
  protected readonly proposal = rxResource({ stream: () => this.api.splitProposal(this.themeId) });
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);

  protected accept(): void {
    this.saving.set(true);
    this.error.set(null);
    this.api
      .split(this.themeId, null)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (created) => this.ref.close(created),
        error: (e: unknown) => this.error.set(e),
      });
  }
}
