import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { sparklinePoints, sparklineSummary } from './theme-format';

/** A small line of daily values, drawn as inline SVG (no chart library per row). */
@Component({
  selector: 'cl-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<svg
    role="img"
    [attr.aria-label]="summary()"
    [attr.width]="width"
    [attr.height]="height"
    [attr.viewBox]="'0 0 ' + width + ' ' + height"
  >
    <title>{{ summary() }}</title>
    <polyline class="base" [attr.points]="baseline" />
    <polyline class="line" [attr.points]="points()" />
  </svg>`,
  styles: `
    :host {
      display: inline-block;
      line-height: 0;
    }
    polyline {
      fill: none;
      stroke-linejoin: round;
    }
    .line {
      stroke: #3f51b5;
      stroke-width: 1.5;
    }
    .base {
      stroke: #c4c6d0;
      stroke-width: 1;
    }
  `,
})
export class Sparkline {
  readonly values = input.required<readonly number[]>();
  protected readonly width = 120;
  protected readonly height = 28;
  protected readonly baseline = `1,${this.height - 1} ${this.width - 1},${this.height - 1}`;
  protected readonly points = computed(() =>
    sparklinePoints(this.values(), this.width, this.height),
  );
  protected readonly summary = computed(() => sparklineSummary(this.values()));
}
