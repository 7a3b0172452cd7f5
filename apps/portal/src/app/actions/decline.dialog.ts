import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface DeclineDialogData {
  readonly title: string;
}

export interface DeclineDialogResult {
  readonly reason: string;
}

/** Asks why an action is declined; the reason is what the customers can be told. */
@Component({
  selector: 'cl-decline-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>Decline “{{ data.title }}”</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>Declined actions can still be announced, so customers hear why.</p>
        <mat-form-field class="full-width">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="4" required cdkFocusInitial></textarea>
          <mat-hint>Required. Recorded in the history.</mat-hint>
          @if (form.controls.reason.invalid) {
            <mat-error>A reason is required to decline</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit">Decline action</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      min-width: 480px;
    }
  `,
})
export class DeclineDialog {
  protected readonly data = inject<DeclineDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<DeclineDialog, DeclineDialogResult>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.pattern(/\S/)]],
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close({ reason: this.form.getRawValue().reason.trim() });
  }
}
