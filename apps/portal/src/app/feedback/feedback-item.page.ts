import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { of } from 'rxjs';
import { ExplorerApi } from '../data/explorer-api';
import { Chip } from '../shared/chip';
import { ErrorPanel } from '../shared/error-panel';
import {
  bandTone,
  customerEmail,
  customerName,
  scoreLabel,
  sourceLabel,
} from '../shared/feedback-format';
import { percent, sentimentText, sentimentTone, titleCase } from './feedback-labels';

/** One feedback item: its text, scores, where it came from, its customer and its theme. */
@Component({
  selector: 'cl-feedback-item-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButtonModule, MatProgressBarModule, RouterLink, Chip, ErrorPanel],
  templateUrl: './feedback-item.page.html',
  styles: `
    .quote {
      font-size: 1.1rem;
      white-space: pre-wrap;
      margin: 0 0 12px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      font-weight: 500;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 12px;
    }
  `,
})
export class FeedbackItemPage {
  private readonly api = inject(ExplorerApi);
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly item = rxResource({
    params: () => ({ id: this.id() }),
    stream: ({ params }) => this.api.item(params.id),
  });
  protected readonly current = computed(() => (this.item.hasValue() ? this.item.value() : null));
  protected readonly theme = rxResource({
    params: () => ({ themeId: this.current()?.themeId ?? null }),
    stream: ({ params }) => (params.themeId ? this.api.theme(params.themeId) : of(null)),
  });

  protected readonly themeLabel = computed(() =>
    this.theme.hasValue() ? (this.theme.value()?.label ?? null) : null,
  );

  protected readonly customerName = customerName;
  protected readonly customerEmail = customerEmail;
  protected readonly scoreLabel = scoreLabel;
  protected readonly bandTone = bandTone;
  protected readonly sourceLabel = sourceLabel;
  protected readonly sentimentText = sentimentText;
  protected readonly sentimentTone = sentimentTone;
  protected readonly titleCase = titleCase;
  protected readonly percent = percent;
}
