import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { toDisplayError } from '../graphql/graphql-error';

/** Shows what went wrong, in the API's own words, with its error codes and an optional retry. */
@Component({
  selector: 'cl-error-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <div class="panel" role="alert">
      <p class="title"><span aria-hidden="true">✕ </span>{{ title() }}</p>
      <ul>
        @for (message of display().messages; track message) {
          <li>{{ message }}</li>
        }
      </ul>
      @if (display().codes.length > 0) {
        <p class="codes">Error code: {{ display().codes.join(', ') }}</p>
      }
      @if (retryLabel()) {
        <button mat-stroked-button type="button" (click)="retry.emit()">{{ retryLabel() }}</button>
      }
    </div>
  `,
  styles: `
    .panel {
      border: 1px solid #9d1c1c;
      border-left-width: 4px;
      background: #fde8e8;
      color: #5c0f0f;
      border-radius: 4px;
      padding: 12px 16px;
      margin: 12px 0;
    }
    .title {
      font-weight: 600;
      margin: 0 0 4px;
    }
    ul {
      margin: 0 0 8px;
      padding-left: 20px;
    }
    .codes {
      font: var(--mat-sys-body-small);
      margin: 0 0 8px;
    }
  `,
})
export class ErrorPanel {
  readonly error = input.required<unknown>();
  readonly title = input('Something went wrong');
  /** Shows a retry button with this label when set. */
  readonly retryLabel = input('');
  readonly retry = output<void>();
  protected readonly display = computed(() => toDisplayError(this.error()));
}
