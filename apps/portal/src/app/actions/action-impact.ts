import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActionsApi } from '../data/actions-api';
import { Chart } from '../shared/charts/chart';
import { ErrorPanel } from '../shared/error-panel';
import { impactChartOptions, impactRows } from './impact-format';

const VERDICT_LABEL = { better: 'better', worse: 'worse', same: 'no change' } as const;

/** Did the change work: the action's themes before and after its ship day. */
@Component({
  selector: 'cl-action-impact',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Chart, ErrorPanel, MatProgressBarModule],
  template: `
    @if (impact.isLoading() && !impact.hasValue()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the impact" />
    }
    @if (impact.error(); as error) {
      <cl-error-panel
        [error]="error"
        title="The impact could not be loaded"
        retryLabel="Try again"
        (retry)="impact.reload()"
      />
    }
    @if (impact.hasValue()) {
      @if (impact.value(); as i) {
        <p class="lead" data-testid="impact-window">
          {{ i.windowWeeks }} weeks before and after the ship on {{ i.shipDay }};
          {{ i.before.volume }} items before, {{ i.after.volume }} after.
        </p>
        <table class="figures" aria-label="Impact before and after the ship">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" class="num">Before</th>
              <th scope="col" class="num">After</th>
              <th scope="col">For customers</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.figure) {
              <tr>
                <th scope="row">{{ row.figure }}</th>
                <td class="num">{{ row.before }}</td>
                <td class="num">{{ row.after }}</td>
                <td [class]="row.verdict ?? 'none'">
                  {{ row.verdict ? verdictLabel[row.verdict] : 'not enough data' }}
                </td>
              </tr>
            }
          </tbody>
        </table>
        <cl-chart
          [options]="chart()!"
          [height]="200"
          label="Feedback per week on the action's themes, before (grey) and after (blue) the ship; figures in the table above"
        />
      } @else {
        <p class="state-message" data-testid="impact-pending">
          The impact shows once the action has shipped: its themes' feedback before and after.
        </p>
      }
    }
  `,
  styles: `
    .figures {
      border-collapse: collapse;
      margin: 8px 0 16px;
    }
    .figures th,
    .figures td {
      padding: 4px 12px;
      text-align: left;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .figures .num {
      text-align: right;
    }
    .better {
      color: #1b5e20;
    }
    .worse {
      color: #9d1c1c;
    }
  `,
})
export class ActionImpact {
  private readonly api = inject(ActionsApi);

  readonly actionId = input.required<string>();
  /** Changes when the action's status does, so the impact reloads after a ship. */
  readonly status = input.required<string>();

  protected readonly impact = rxResource({
    params: () => ({ id: this.actionId(), status: this.status() }),
    stream: ({ params }) => this.api.impact(params.id),
  });
  protected readonly verdictLabel = VERDICT_LABEL;
  protected readonly rows = computed(() => {
    const i = this.impact.hasValue() ? this.impact.value() : null;
    return i ? impactRows(i.before, i.after) : [];
  });
  protected readonly chart = computed(() => {
    const i = this.impact.hasValue() ? this.impact.value() : null;
    return i ? impactChartOptions(i.before, i.after) : null;
  });
}
