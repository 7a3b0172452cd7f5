import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { finalize } from 'rxjs';
import { ActionsApi } from '../data/actions-api';
import type { ActionDetailFragment } from '../graphql/generated';
import { ErrorPanel } from '../shared/error-panel';

type ActionComment = ActionDetailFragment['comments'][number];

/** Most characters in one comment (the API's limit is the same). */
export const MAX_COMMENT_LENGTH = 5_000;

/** The action's discussion: comments oldest first, and a box to add one for those who may. */
@Component({
  selector: 'cl-action-comments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, ErrorPanel, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    @if (shown().length > 0) {
      <ol class="comments" aria-label="Comments on this action">
        @for (c of shown(); track c.id) {
          <li data-testid="action-comment">
            <p class="meta">
              <strong>{{ c.author }}</strong
              >,
              <time [attr.datetime]="c.createdAt">{{ c.createdAt | date: 'd MMM y, HH:mm' }}</time>
            </p>
            <p class="body">{{ c.body }}</p>
          </li>
        }
      </ol>
    } @else {
      <p class="state-message">No comments yet.</p>
    }
    @if (canComment()) {
      <form (ngSubmit)="add()" class="add">
        <mat-form-field appearance="outline" class="wide">
          <mat-label>Comment</mat-label>
          <textarea
            matInput
            name="comment"
            rows="3"
            [maxlength]="maxLength"
            [ngModel]="draft()"
            (ngModelChange)="draft.set($event)"
          ></textarea>
          <mat-hint align="end">{{ draft().length }} / {{ maxLength }}</mat-hint>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="!canSend()">Add comment</button>
      </form>
      @if (error(); as e) {
        <cl-error-panel [error]="e" title="The comment was not added" />
      }
    }
  `,
  styles: `
    .comments {
      list-style: none;
      padding: 0;
      margin: 0 0 16px;
    }
    .comments li {
      border-left: 3px solid var(--mat-sys-outline-variant);
      padding: 4px 12px;
      margin-bottom: 8px;
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    .body {
      margin: 4px 0 0;
      white-space: pre-wrap;
    }
    .wide {
      width: 100%;
    }
  `,
})
export class ActionComments {
  private readonly api = inject(ActionsApi);

  readonly actionId = input.required<string>();
  readonly comments = input.required<readonly ActionComment[]>();
  readonly canComment = input(false);

  protected readonly maxLength = MAX_COMMENT_LENGTH;
  /** The comments as loaded, plus those added here since. */
  protected readonly shown = linkedSignal(() => [...this.comments()]);
  protected readonly draft = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly canSend = computed(() => !this.busy() && this.draft().trim().length > 0);

  protected add(): void {
    const body = this.draft().trim();
    if (!body || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api
      .addComment(this.actionId(), body)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (comment) => {
          this.shown.update((list) => [...list, comment]);
          this.draft.set('');
        },
        error: (error: unknown) => this.error.set(error),
      });
  }
}
