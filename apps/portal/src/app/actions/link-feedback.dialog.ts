import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { finalize } from 'rxjs';
import { ActionsApi } from '../data/actions-api';
import type { ActionDetailFragment } from '../graphql/generated';
import { ErrorPanel } from '../shared/error-panel';
import { FeedbackPicker } from './feedback-picker';

export interface LinkFeedbackDialogData {
  readonly actionId: string;
  readonly title: string;
  readonly linkedIds: readonly string[];
}

/** Links more feedback to an action; closes with the updated action. */
@Component({
  selector: 'cl-link-feedback-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, ErrorPanel, FeedbackPicker],
  template: `
    <h2 mat-dialog-title>Link feedback to “{{ data.title }}”</h2>
    <mat-dialog-content>
      <p class="muted">Already linked feedback is ticked.</p>
      <cl-feedback-picker [(selected)]="selected" [lockedIds]="data.linkedIds" />
      @if (error()) {
        <cl-error-panel [error]="error()" title="The feedback could not be linked" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
      <button
        mat-flat-button
        type="button"
        (click)="link()"
        [disabled]="saving() || selected().length === 0"
      >
        {{ saving() ? 'Linking…' : 'Link ' + selected().length + ' selected' }}
      </button>
    </mat-dialog-actions>
  `,
})
export class LinkFeedbackDialog {
  protected readonly data = inject<LinkFeedbackDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ActionsApi);
  private readonly dialogRef =
    inject<MatDialogRef<LinkFeedbackDialog, ActionDetailFragment>>(MatDialogRef);

  protected readonly selected = signal<readonly string[]>([]);
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);

  protected link(): void {
    if (this.selected().length === 0 || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api
      .linkFeedback(this.data.actionId, this.selected())
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (action) => this.dialogRef.close(action),
        error: (error: unknown) => this.error.set(error),
      });
  }
}
