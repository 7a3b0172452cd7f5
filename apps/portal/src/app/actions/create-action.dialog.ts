import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { finalize } from 'rxjs';
import { ActionsApi } from '../data/actions-api';
import type { ActionSummaryFragment } from '../graphql/generated';
import { ErrorPanel } from '../shared/error-panel';
import { FeedbackPicker } from './feedback-picker';

export interface CreateActionDialogData {
  /** Feedback to start with selected. */
  readonly feedbackIds?: readonly string[];
  /** Themes the action answers (when created from a theme page). */
  readonly themeIds?: readonly string[];
}

/** Create an action: what, who owns it, why, and the feedback it answers. Closes with the new action. */
@Component({
  selector: 'cl-create-action-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorPanel,
    FeedbackPicker,
  ],
  templateUrl: './create-action.dialog.html',
  styles: `
    .fields {
      display: grid;
      grid-template-columns: 2fr 1fr;
      gap: 0 16px;
      padding-top: 8px;
    }
    .description {
      grid-column: 1 / -1;
    }
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 8px 0;
    }
  `,
})
export class CreateActionDialog {
  private readonly api = inject(ActionsApi);
  private readonly dialogRef =
    inject<MatDialogRef<CreateActionDialog, ActionSummaryFragment>>(MatDialogRef);
  private readonly data = inject<CreateActionDialogData | null>(MAT_DIALOG_DATA, {
    optional: true,
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    description: ['', [Validators.maxLength(5000)]],
  });
  protected readonly feedbackIds = signal<readonly string[]>(this.data?.feedbackIds ?? []);
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);

  protected submit(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { title, description } = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.api
      .create({
        title: title.trim(),
        description: description.trim(),
        themeIds: this.data?.themeIds ?? [],
        feedbackIds: this.feedbackIds(),
      })
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (action) => this.dialogRef.close(action),
        error: (error: unknown) => this.error.set(error),
      });
  }
}
