import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  DEFAULT_BODY,
  DEFAULT_SUBJECT,
  NOTICE_PLACEHOLDERS,
  unknownPlaceholders,
} from '../actions/notice-template';
import { SettingsApi, type SenderForm } from '../data/settings-api';
import { ErrorPanel } from '../shared/error-panel';

const EMPTY: SenderForm = {
  senderName: '',
  senderAddress: '',
  noticeSubjectTemplate: '',
  noticeBodyTemplate: '',
};

/** Admins: who change notices come from, and the text a new announcement starts with. */
@Component({
  selector: 'cl-sender-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ErrorPanel],
  template: `
    <section class="section-card" aria-labelledby="sender-heading">
      <h2 id="sender-heading">Sender and email template</h2>
      @if (settings.error(); as e) {
        <cl-error-panel title="The settings could not be loaded" [error]="e" />
      } @else if (settings.hasValue()) {
        <form (ngSubmit)="save()" aria-label="Sender and email template">
          <div class="row">
            <mat-form-field appearance="outline">
              <mat-label>Sender name</mat-label>
              <input matInput name="senderName" [(ngModel)]="form.senderName" maxlength="100" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Sender address</mat-label>
              <input
                matInput
                name="senderAddress"
                type="email"
                [(ngModel)]="form.senderAddress"
                placeholder="care@example.com"
              />
              <mat-hint>Empty: the deployment's MAIL_FROM</mat-hint>
            </mat-form-field>
          </div>
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>Default subject</mat-label>
            <input
              matInput
              name="noticeSubjectTemplate"
              [(ngModel)]="form.noticeSubjectTemplate"
              [placeholder]="defaultSubject"
            />
          </mat-form-field>
          <mat-form-field appearance="outline" class="full-width">
            <mat-label>Default body</mat-label>
            <textarea
              matInput
              name="noticeBodyTemplate"
              rows="7"
              [(ngModel)]="form.noticeBodyTemplate"
              [placeholder]="defaultBody"
            ></textarea>
            <mat-hint>Placeholders: {{ placeholders }}. Empty: the built-in text.</mat-hint>
          </mat-form-field>
          @if (unknown().length > 0) {
            <p class="warn" role="status">Unknown placeholders: {{ unknown().join(', ') }}</p>
          }
          @if (error(); as e) {
            <cl-error-panel title="The settings were not saved" [error]="e" />
          }
          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="saving()">
              Save sender and template
            </button>
            <span aria-live="polite" class="muted" data-testid="sender-saved">
              @if (saved()) {
                Saved.
              } @else if (settings.value().updatedAt) {
                Last changed {{ settings.value().updatedAt | date: 'medium' }} by
                {{ settings.value().updatedBy }}
              }
            </span>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .row mat-form-field {
      width: 320px;
    }
    .actions {
      display: flex;
      gap: 12px;
      align-items: center;
      margin-top: 8px;
    }
    .warn {
      color: var(--mat-sys-error);
    }
  `,
})
export class SenderSettings {
  private readonly api = inject(SettingsApi);
  protected readonly settings = rxResource({ stream: () => this.api.sender() });
  protected readonly defaultSubject = DEFAULT_SUBJECT;
  protected readonly defaultBody = DEFAULT_BODY;
  protected readonly placeholders = NOTICE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');
  protected form: { -readonly [K in keyof SenderForm]: string } = { ...EMPTY };
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly unknown = signal<string[]>([]);

  constructor() {
    effect(() => {
      if (!this.settings.hasValue()) return;
      const s = this.settings.value();
      this.form = {
        senderName: s.senderName ?? '',
        senderAddress: s.senderAddress ?? '',
        noticeSubjectTemplate: s.noticeSubjectTemplate ?? '',
        noticeBodyTemplate: s.noticeBodyTemplate ?? '',
      };
    });
  }

  protected save(): void {
    const form: SenderForm = {
      senderName: this.form.senderName.trim(),
      senderAddress: this.form.senderAddress.trim(),
      noticeSubjectTemplate: this.form.noticeSubjectTemplate.trim(),
      noticeBodyTemplate: this.form.noticeBodyTemplate.trim(),
    };
    this.unknown.set([
      ...unknownPlaceholders(form.noticeSubjectTemplate),
      ...unknownPlaceholders(form.noticeBodyTemplate),
    ]);
    this.saving.set(true);
    this.saved.set(false);
    this.error.set(null);
    this.api.saveSender(form).subscribe({
      next: (value) => {
        this.saving.set(false);
        this.saved.set(true);
        this.settings.set(value);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(error);
      },
    });
  }
}
