import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { sourceMixText, sourceShares } from './theme-format';

/** A theme's sources as a thin stacked bar with the counts written out beneath. */
@Component({
  selector: 'cl-source-mix',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shares().length > 0) {
      <div class="bar" aria-hidden="true">
        @for (share of shares(); track share.source) {
          <span [class]="'seg src-' + share.source" [style.width.%]="share.percent"></span>
        }
      </div>
    }
    <span class="text">{{ text() }}</span>
  `,
  styles: `
    :host {
      display: block;
      min-width: 120px;
    }
    .bar {
      display: flex;
      height: 6px;
      border-radius: 3px;
      overflow: hidden;
      background: #e0e0e0;
      margin-bottom: 2px;
    }
    .seg {
      display: block;
      height: 100%;
    }
    .src-survey {
      background: #3f51b5;
    }
    .src-social {
      background: #00838f;
    }
    .src-crm {
      background: #8e24aa;
    }
    .src-staff {
      background: #ef6c00;
    }
    .text {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SourceMix {
  readonly sources =
    input.required<readonly { readonly source: string; readonly volume: number }[]>();
  protected readonly shares = computed(() => sourceShares(this.sources()));
  protected readonly text = computed(() => sourceMixText(this.shares()));
}
