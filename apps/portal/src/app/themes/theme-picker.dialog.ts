import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { finalize, type Observable } from 'rxjs';
import { ErrorPanel } from '../shared/error-panel';
import { ThemesApi, type ThemeOption } from './themes-api';

export interface ThemePickerDialogData {
  readonly title: string;
  /** What happens, said before the person confirms. */
  readonly explanation: string;
  readonly confirmLabel: string;
  /** The theme the page is about: not offered as a target. */
  readonly excludeId: string;
  /** Runs the change with the chosen theme; the dialog closes with its result, or shows its error. */
  readonly apply: (target: ThemeOption) => Observable<{ id: string; label: string }>;
}

/** Pick another active theme by searching, then confirm the change (merge into it, move items to it). */
@Component({
  selector: 'cl-theme-picker-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    ErrorPanel,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.explanation }}</p>
      <mat-form-field class="full-width" subscriptSizing="dynamic">
        <mat-label>Find a theme</mat-label>
        <input
          matInput
          type="search"
          (input)="onSearch($event)"
          placeholder="Label or key phrase"
        />
      </mat-form-field>
      @if (options.isLoading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Looking for themes" />
      }
      @if (options.error(); as e) {
        <cl-error-panel [error]="e" title="Themes could not be searched" />
      } @else if (choices().length === 0 && !options.isLoading()) {
        <p class="muted">No other active theme matches.</p>
      } @else {
        <mat-radio-group aria-label="Target theme" class="choices">
          @for (option of choices(); track option.id) {
            <mat-radio-button
              [value]="option.id"
              [checked]="target()?.id === option.id"
              (change)="choose(option.id)"
              >{{ option.label }} ({{ option.volume }} items)</mat-radio-button
            >
          }
        </mat-radio-group>
      }
      @if (error(); as e) {
        <cl-error-panel [error]="e" title="That did not work" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" (click)="confirm()" [disabled]="!target() || saving()">
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .choices {
      display: flex;
      flex-direction: column;
      max-height: 320px;
      overflow-y: auto;
    }
  `,
})
export class ThemePickerDialog {
  private readonly api = inject(ThemesApi);
  private readonly ref =
    inject<MatDialogRef<ThemePickerDialog, { id: string; label: string }>>(MatDialogRef);
  protected readonly data = inject<ThemePickerDialogData>(MAT_DIALOG_DATA);
  private readonly search = signal('');
  protected readonly options = rxResource({
    params: () => this.search(),
    stream: ({ params }) => this.api.pick(params),
  });
  protected readonly choices = computed(() =>
    (this.options.hasValue() ? this.options.value() : []).filter(
      (o) => o.id !== this.data.excludeId,
    ),
  );
  protected readonly chosen = signal<string | null>(null);
  /** The chosen theme while it is among those offered (a new search may leave it out). */
  protected readonly target = computed(
    () => this.choices().find((c) => c.id === this.chosen()) ?? null,
  );
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected onSearch(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search.set(value), 250);
  }

  protected choose(id: string): void {
    this.chosen.set(id);
  }

  protected confirm(): void {
    const target = this.target();
    if (!target || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.data
      .apply(target)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (result) => this.ref.close(result),
        error: (e: unknown) => this.error.set(e),
      });
  }
}
