import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { catchError, filter, finalize, of, switchMap } from 'rxjs';
import { ActionsApi } from '../data/actions-api';
import { SettingsApi } from '../data/settings-api';
import type { AnnounceActionMutation, ActionDetailFragment } from '../graphql/generated';
import { ErrorPanel } from '../shared/error-panel';
import { customerName } from '../shared/feedback-format';
import { ConfirmAnnounceData, ConfirmAnnounceDialog } from './confirm-announce.dialog';
import {
  audienceSize,
  DEFAULT_BODY,
  DEFAULT_SUBJECT,
  fillTemplate,
  NOTICE_PLACEHOLDERS,
  PLACEHOLDER_HELP,
  previewVariables,
  unknownPlaceholders,
} from './notice-template';

/** Writes and sends the change notice for a shipped or declined action. */
@Component({
  selector: 'cl-announce-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ErrorPanel],
  templateUrl: './announce-form.html',
  styleUrl: './announce-form.scss',
})
export class AnnounceForm {
  private readonly api = inject(ActionsApi);
  private readonly dialog = inject(MatDialog);

  readonly action = input.required<ActionDetailFragment>();
  readonly announced = output<AnnounceActionMutation['announceAction']>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    subject: [
      DEFAULT_SUBJECT,
      [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)],
    ],
    body: [
      DEFAULT_BODY,
      [Validators.required, Validators.maxLength(10_000), Validators.pattern(/\S/)],
    ],
  });
  private readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });

  constructor() {
    // The admins' default subject and body (Settings), unless the person already typed.
    inject(SettingsApi)
      .sender()
      .pipe(
        catchError(() => of(null)),
        takeUntilDestroyed(),
      )
      .subscribe((settings) => {
        if (!settings || this.form.dirty) return;
        this.form.patchValue({
          subject: settings.noticeSubjectTemplate ?? DEFAULT_SUBJECT,
          body: settings.noticeBodyTemplate ?? DEFAULT_BODY,
        });
      });
  }

  protected readonly sending = signal(false);
  protected readonly error = signal<unknown>(null);

  protected readonly placeholders = NOTICE_PLACEHOLDERS.map((name) => ({
    token: `{{${name}}}`,
    help: PLACEHOLDER_HELP[name],
  }));
  protected readonly audience = computed(() => audienceSize(this.action()));
  protected readonly unknown = computed(() =>
    unknownPlaceholders(`${this.value().subject ?? ''}\n${this.value().body ?? ''}`).map(
      (name) => `{{${name}}}`,
    ),
  );
  protected readonly preview = computed(() => {
    const action = this.action();
    const variables = previewVariables(action);
    if (!variables) return null;
    const recipient = action.feedback.find(
      (f) => f.customer?.email && !f.customer.unsubscribedAt,
    )?.customer;
    return {
      to: `${customerName(recipient)} <${recipient?.email ?? ''}>`,
      subject: fillTemplate(this.value().subject ?? '', variables)
        .replace(/\s+/g, ' ')
        .trim(),
      body: fillTemplate(this.value().body ?? '', variables).trim(),
    };
  });

  protected submit(): void {
    if (this.form.invalid || this.sending() || this.audience() === 0) {
      this.form.markAllAsTouched();
      return;
    }
    const { subject, body } = this.form.getRawValue();
    this.error.set(null);
    this.dialog
      .open<ConfirmAnnounceDialog, ConfirmAnnounceData, boolean>(ConfirmAnnounceDialog, {
        data: { audience: this.audience(), subject: this.preview()?.subject ?? subject },
        width: '520px',
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => {
          this.sending.set(true);
          return this.api
            .announce(this.action().id, subject, body)
            .pipe(finalize(() => this.sending.set(false)));
        }),
      )
      .subscribe({
        next: (result) => this.announced.emit(result),
        error: (error: unknown) => this.error.set(error),
      });
  }
}
