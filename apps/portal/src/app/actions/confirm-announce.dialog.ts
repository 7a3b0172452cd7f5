import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface ConfirmAnnounceData {
  readonly audience: number;
  readonly subject: string;
}

/** Announcing emails customers and can only happen once: confirm first. */
@Component({
  selector: 'cl-confirm-announce-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Send the announcement?</h2>
    <mat-dialog-content>
      <p>
        {{ data.audience === 1 ? '1 customer' : data.audience + ' customers' }} will get an email
        with the subject “{{ data.subject }}”.
      </p>
      <p>An action is announced once; this cannot be undone.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>Cancel</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true">Send announcement</button>
    </mat-dialog-actions>
  `,
})
export class ConfirmAnnounceDialog {
  protected readonly data = inject<ConfirmAnnounceData>(MAT_DIALOG_DATA);
}
