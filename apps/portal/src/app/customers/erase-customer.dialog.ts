import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface EraseCustomerDialogData {
  /** What the admin must type to confirm: the customer's email, else ERASE. */
  readonly confirmation: string;
  readonly name: string;
}

/** GDPR erasure cannot be undone: the admin types the customer's email (or ERASE) to confirm. */
@Component({
  selector: 'cl-erase-customer-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Erase {{ data.name }}?</h2>
    <form (submit)="submit($event)" novalidate>
      <mat-dialog-content>
        <p>
          Their email, name, identities and the text of all their feedback are removed everywhere,
          and no more mail goes to them. This cannot be undone.
        </p>
        <mat-form-field class="full-width">
          <mat-label>Type {{ data.confirmation }} to confirm</mat-label>
          <input
            matInput
            name="confirmation"
            autocomplete="off"
            cdkFocusInitial
            (input)="typed.set($any($event.target).value)"
          />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button color="warn" type="submit" [disabled]="!matches()">
          Erase customer
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-dialog-content {
      min-width: 460px;
    }
  `,
})
export class EraseCustomerDialog {
  protected readonly data = inject<EraseCustomerDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<EraseCustomerDialog, boolean>>(MatDialogRef);
  protected readonly typed = signal('');
  protected readonly matches = computed(
    () => this.typed().trim().toLowerCase() === this.data.confirmation.toLowerCase(),
  );

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.matches()) this.dialogRef.close(true);
  }
}
