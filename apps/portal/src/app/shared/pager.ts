import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/**
 * Previous / next buttons of a cursor-paged list. The list keeps its cursors; the pager only
 * says which way the person wants to go, and is disabled while a page loads.
 */
@Component({
  selector: 'cl-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <nav class="pager" [attr.aria-label]="label()">
      <button
        mat-stroked-button
        type="button"
        (click)="previous.emit()"
        [disabled]="!hasPrevious() || busy()"
      >
        Previous page
      </button>
      <button
        mat-stroked-button
        type="button"
        (click)="next.emit()"
        [disabled]="!hasNext() || busy()"
      >
        Next page
      </button>
    </nav>
  `,
  styles: `
    .pager {
      display: flex;
      gap: 8px;
      justify-content: flex-end;
      margin: 12px 0;
    }
  `,
})
export class Pager {
  /** Names the navigation landmark for screen readers, e.g. "Theme pages". */
  readonly label = input('Pages');
  readonly hasPrevious = input.required<boolean>();
  readonly hasNext = input.required<boolean>();
  /** True while a page loads: both buttons wait. */
  readonly busy = input(false);
  readonly previous = output<void>();
  readonly next = output<void>();
}
