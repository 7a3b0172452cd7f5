import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Tone, TONE_SYMBOL } from './tone';

/** A small read-only label: text first, tone as colour and symbol on top. */
@Component({
  selector: 'cl-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="symbol" aria-hidden="true">{{ symbol() }}</span
    ><span class="label">{{ label() }}</span>`,
  styleUrl: './chip.scss',
  host: {
    class: 'cl-chip',
    '[class]': '"tone-" + tone()',
    '[attr.title]': 'description() || null',
  },
})
export class Chip {
  readonly label = input.required<string>();
  readonly tone = input<Tone>('neutral');
  /** A longer explanation, shown on hover. */
  readonly description = input<string>('');
  protected readonly symbol = computed(() => TONE_SYMBOL[this.tone()]);
}
