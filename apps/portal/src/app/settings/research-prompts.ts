import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SessionStore } from '../auth/session.store';
import { SettingsApi } from '../data/settings-api';
import { ErrorPanel } from '../shared/error-panel';

/** Questions CX leads hand to front-line staff; staff reports answer them. */
@Component({
  selector: 'cl-research-prompts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ErrorPanel],
  template: `
    <section class="section-card" aria-labelledby="prompts-heading">
      <h2 id="prompts-heading">Research prompts for staff</h2>
      @if (error(); as e) {
        <cl-error-panel title="That did not work" [error]="e" />
      }
      @if (prompts.error(); as e) {
        <cl-error-panel title="The prompts could not be loaded" [error]="e" />
      } @else if (prompts.hasValue()) {
        @if (prompts.value().length === 0) {
          <p class="muted">No prompts yet.</p>
        } @else {
          <table aria-label="Research prompts">
            <thead>
              <tr>
                <th>Question</th>
                <th>Answers</th>
                <th>Asked</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              @for (p of prompts.value(); track p.id) {
                <tr>
                  <td>{{ p.question }}</td>
                  <td>{{ p.answerCount }}</td>
                  <td>{{ p.createdAt | date: 'd MMM y' }} by {{ p.createdBy }}</td>
                  <td>
                    @if (p.closedAt) {
                      <span class="muted">Closed</span>
                    } @else if (canChange()) {
                      <button mat-button type="button" (click)="close(p.id)">Close</button>
                    } @else {
                      Open
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        }
      }
      @if (canChange()) {
        <form (ngSubmit)="create()" aria-label="Ask staff a question">
          <mat-form-field appearance="outline" class="question">
            <mat-label>Question for staff</mat-label>
            <input matInput name="question" required maxlength="500" [(ngModel)]="question" />
          </mat-form-field>
          <button mat-flat-button type="submit">Ask staff</button>
        </form>
      }
    </section>
  `,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      margin-bottom: 16px;
    }
    th,
    td {
      text-align: left;
      padding: 6px 8px;
      border-bottom: 1px solid #ddd;
    }
    form {
      display: flex;
      gap: 8px;
      align-items: baseline;
    }
    .question {
      width: 480px;
    }
  `,
})
export class ResearchPrompts {
  private readonly api = inject(SettingsApi);
  protected readonly canChange = inject(SessionStore).canChange;
  protected readonly prompts = rxResource({ stream: () => this.api.prompts() });
  protected readonly error = signal<unknown>(null);
  protected question = '';

  protected create(): void {
    const question = this.question.trim();
    if (!question) return;
    this.error.set(null);
    this.api.createPrompt(question).subscribe({
      next: () => {
        this.question = '';
        this.prompts.reload();
      },
      error: (error: unknown) => this.error.set(error),
    });
  }

  protected close(id: string): void {
    this.error.set(null);
    this.api.closePrompt(id).subscribe({
      next: () => this.prompts.reload(),
      error: (error: unknown) => this.error.set(error),
    });
  }
}
