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
import { MatSelectModule } from '@angular/material/select';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  filter,
  finalize,
  map,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import { ActionsApi } from '../data/actions-api';
import { SettingsApi } from '../data/settings-api';
import type { AnnounceActionMutation, ActionDetailFragment } from '../graphql/generated';
import { ErrorPanel } from '../shared/error-panel';
import { customerName } from '../shared/feedback-format';
import { audienceFilterOf, exclusionLines, type AudienceChoice } from './audience-filter';
import { ConfirmAnnounceData, ConfirmAnnounceDialog } from './confirm-announce.dialog';
import {
  DEFAULT_BODY,
  DEFAULT_SUBJECT,
  NOTICE_PLACEHOLDERS,
  PLACEHOLDER_HELP,
  unknownPlaceholders,
} from './notice-template';

/** The sources and sentiments the audience can be narrowed to, as the API names them. */
const SOURCES = [
  { value: 'SURVEY', label: 'Survey' },
  { value: 'SOCIAL', label: 'Social' },
  { value: 'CRM', label: 'CRM' },
  { value: 'STAFF', label: 'Staff' },
] as const;
const SENTIMENTS = [
  { value: 'NEGATIVE', label: 'Negative' },
  { value: 'NEUTRAL', label: 'Neutral' },
  { value: 'POSITIVE', label: 'Positive' },
] as const;

/** Writes and sends the change notice for a shipped or declined action. */
@Component({
  selector: 'cl-announce-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorPanel,
  ],
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
    sources: [[] as AudienceChoice['sources']],
    sentiment: [[] as AudienceChoice['sentiment']],
    segment: [''],
    from: [''],
    to: [''],
  });
  protected readonly sourceOptions = SOURCES;
  protected readonly sentimentOptions = SENTIMENTS;
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
  /**
   * What the API says this announcement would do, for the text and narrowing as they stand (a
   * moment after the last keystroke): the audience's size, who is left out and why, and the
   * email one customer would get, rendered as the notifier renders it.
   */
  protected readonly serverPreview = toSignal(
    this.form.valueChanges.pipe(
      startWith(this.form.getRawValue()),
      map(() => this.form.getRawValue()),
      debounceTime(300),
      map((v) => ({ subject: v.subject, body: v.body, audience: audienceFilterOf(v) })),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
      switchMap((v) =>
        this.api.preview(this.action().id, v.subject, v.body, v.audience).pipe(
          map((preview) => ({ preview, error: null as unknown })),
          catchError((error: unknown) => of({ preview: null, error })),
        ),
      ),
    ),
    { initialValue: null },
  );
  protected readonly audience = computed(() => this.serverPreview()?.preview?.size ?? 0);
  protected readonly loadingPreview = computed(() => this.serverPreview() === null);
  protected readonly previewError = computed(() => this.serverPreview()?.error ?? null);
  protected readonly exclusions = computed(() =>
    exclusionLines(this.serverPreview()?.preview?.excluded ?? []),
  );
  protected readonly unknown = computed(() =>
    unknownPlaceholders(`${this.value().subject ?? ''}\n${this.value().body ?? ''}`).map(
      (name) => `{{${name}}}`,
    ),
  );
  protected readonly preview = computed(() => {
    const sample = this.serverPreview()?.preview?.sample;
    if (!sample) return null;
    return {
      to: `${customerName(sample.customer)} <${sample.customer.email ?? ''}>`,
      subject: sample.subject,
      body: sample.text,
    };
  });

  protected submit(): void {
    if (this.form.invalid || this.sending() || this.audience() === 0) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const { subject, body } = raw;
    const audience = audienceFilterOf(raw);
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
            .announce(this.action().id, subject, body, audience)
            .pipe(finalize(() => this.sending.set(false)));
        }),
      )
      .subscribe({
        next: (result) => this.announced.emit(result),
        error: (error: unknown) => this.error.set(error),
      });
  }
}
