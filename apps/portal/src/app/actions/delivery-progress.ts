import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { catchError, debounceTime, filter, interval, map, merge, of, switchMap } from 'rxjs';
import { LiveApi, type DeliveryCounts } from '../data/live-api';
import { deliveredShare, deliveryLabel, sameCounts } from './delivery-progress.format';

/** How often counts are read when live updates fail, and as a safety net while they work. */
export const FALLBACK_POLL_MS = 2_000;
const SAFETY_POLL_MS = 10_000;

/**
 * An announcement's delivery as it happens: delivered, failed, suppressed and pending counts,
 * re-read whenever the API reports a notice of this action reached its final state
 * (noticeDelivered, fed by notice.delivered.v1), until nothing is pending. Falls back to reading
 * the counts every 2 s when live updates fail.
 */
@Component({
  selector: 'cl-delivery-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBarModule],
  template: `
    <div class="progress" data-testid="delivery-progress">
      <p class="headline" aria-live="polite" data-testid="delivery-state">
        {{ label() }}
        @if (active()) {
          <span class="muted">({{ mode() === 'live' ? 'live' : 'checking every 2 s' }})</span>
        }
      </p>
      @if (counts().total > 0) {
        <mat-progress-bar
          [mode]="active() ? 'buffer' : 'determinate'"
          [value]="share()"
          [bufferValue]="100"
          aria-label="Share of notices delivered"
        />
      }
      <dl class="counts">
        <div>
          <dt>Delivered</dt>
          <dd data-testid="count-delivered">{{ counts().delivered }}</dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd data-testid="count-failed">{{ counts().failed }}</dd>
        </div>
        <div>
          <dt>Suppressed</dt>
          <dd data-testid="count-suppressed">{{ counts().suppressed }}</dd>
        </div>
        <div>
          <dt>Pending</dt>
          <dd data-testid="count-pending">{{ counts().pending }}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{{ counts().total }}</dd>
        </div>
      </dl>
    </div>
  `,
  styles: `
    .headline {
      margin: 0 0 8px;
      font-weight: 500;
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 24px;
      margin: 12px 0 0;
    }
    .counts dt {
      font-size: 0.8rem;
    }
    .counts dd {
      margin: 0;
      font-size: 1.4rem;
    }
  `,
})
export class DeliveryProgress {
  private readonly live = inject(LiveApi);
  readonly actionId = input.required<string>();
  /** The counts the page already has; newer ones replace them as they arrive. */
  readonly initial = input.required<DeliveryCounts>();
  /** Newer counts than the page's arrived (the page reloads its notices). */
  readonly changed = output<DeliveryCounts>();

  protected readonly counts = linkedSignal(() => this.initial());
  protected readonly active = computed(() => this.counts().pending > 0);
  protected readonly mode = signal<'live' | 'polling'>('live');
  protected readonly label = computed(() => deliveryLabel(this.counts()));
  protected readonly share = computed(() => deliveredShare(this.counts()));

  constructor() {
    effect((onCleanup) => {
      const id = this.actionId();
      if (!this.active()) return;
      const events = this.live.noticeDeliveries(id).pipe(
        map(() => 0),
        catchError(() => {
          this.mode.set('polling');
          return interval(FALLBACK_POLL_MS);
        }),
      );
      const subscription = merge(of(0), events, interval(SAFETY_POLL_MS))
        .pipe(
          debounceTime(200),
          switchMap(() => this.live.deliveryCounts(id).pipe(catchError(() => of(null)))),
          filter((c): c is DeliveryCounts => c !== null),
        )
        .subscribe((counts) => {
          const before = untracked(() => this.counts());
          this.counts.set(counts);
          if (!sameCounts(before, counts)) untracked(() => this.changed.emit(counts));
        });
      onCleanup(() => subscription.unsubscribe());
    });
  }
}
