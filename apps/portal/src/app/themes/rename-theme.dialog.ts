import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { finalize } from 'rxjs';
import { ErrorPanel } from '../shared/error-panel';
import { ThemesApi } from './themes-api';

export interface RenameThemeDialogData {
  readonly id: string;
  readonly label: string;
}

/** Renames a theme; the engine never relabels it afterwards. Closes with the new label. */
@Component({
  selector: 'cl-rename-theme-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorPanel,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()">
      <h2 mat-dialog-title>Rename theme</h2>
      <mat-dialog-content>
        <p class="muted">A person’s name sticks: the engine will not relabel this theme.</p>
        <mat-form-field class="full-width">
          <mat-label>Theme name</mat-label>
          <input matInput formControlName="label" maxlength="80" required />
          @if (form.controls.label.invalid) {
            <mat-error>Give a name of 1 to 80 characters.</mat-error>
          }
        </mat-form-field>
        @if (error(); as e) {
          <cl-error-panel [error]="e" title="The theme was not renamed" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Rename</button>
      </mat-dialog-actions>
    </form>
  `,
})
export class RenameThemeDialog {
  private readonly api = inject(ThemesApi);
  private readonly ref = inject<MatDialogRef<RenameThemeDialog, string>>(MatDialogRef);
  private readonly data = inject<RenameThemeDialogData>(MAT_DIALOG_DATA);
  protected readonly form = inject(NonNullableFormBuilder).group({
    label: [
      this.data.label,
      [Validators.required, Validators.maxLength(80), Validators.pattern(/\S/)],
    ],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);

  protected submit(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const label = this.form.getRawValue().label.trim();
    this.saving.set(true);
    this.error.set(null);
    this.api
      .rename(this.data.id, label)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({ next: () => this.ref.close(label), error: (e: unknown) => this.error.set(e) });
  }
}
