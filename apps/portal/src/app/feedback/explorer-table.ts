import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ExplorerRowFragment } from '../graphql/generated';
import { Chip } from '../shared/chip';
import {
  bandTone,
  customerEmail,
  customerName,
  scoreLabel,
  sourceLabel,
} from '../shared/feedback-format';
import { sentimentText, sentimentTone } from './feedback-labels';

/** Explorer rows: each comment opens the item, each customer their page. Text stays text. */
@Component({
  selector: 'cl-explorer-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, DatePipe, RouterLink, Chip],
  template: `
    <div class="table-wrap">
      <table mat-table [dataSource]="rows()" [attr.aria-label]="label()">
        <ng-container matColumnDef="receivedAt">
          <th mat-header-cell *matHeaderCellDef>Received</th>
          <td mat-cell *matCellDef="let row" class="nowrap">
            <time [attr.datetime]="row.receivedAt">{{
              row.receivedAt | date: 'd MMM y, HH:mm'
            }}</time>
          </td>
        </ng-container>
        <ng-container matColumnDef="source">
          <th mat-header-cell *matHeaderCellDef>Source</th>
          <td mat-cell *matCellDef="let row">{{ sourceLabel(row.source) }}</td>
        </ng-container>
        <ng-container matColumnDef="customer">
          <th mat-header-cell *matHeaderCellDef>Customer</th>
          <td mat-cell *matCellDef="let row">
            @if (row.customer; as c) {
              <a [routerLink]="['/customers', c.id]">{{ customerName(c) }}</a>
              @if (customerEmail(c); as email) {
                <span class="secondary-line">{{ email }}</span>
              }
            } @else {
              <span class="muted">Anonymous</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="score">
          <th mat-header-cell *matHeaderCellDef>Score</th>
          <td mat-cell *matCellDef="let row">
            @if (scoreLabel(row); as score) {
              <cl-chip [label]="score" [tone]="bandTone(row.scoreBand)" />
            } @else {
              <span class="muted">No score</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="sentiment">
          <th mat-header-cell *matHeaderCellDef>Sentiment</th>
          <td mat-cell *matCellDef="let row">
            @if (row.sentimentLabel) {
              <cl-chip
                [label]="sentimentText(row.sentimentLabel)"
                [tone]="sentimentTone(row.sentimentLabel)"
              />
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="comment">
          <th mat-header-cell *matHeaderCellDef>Comment</th>
          <td mat-cell *matCellDef="let row">
            <a class="comment" [routerLink]="['/feedback', row.id]">{{
              row.text || 'No comment (open)'
            }}</a>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </div>
  `,
  styles: `
    .mat-column-receivedAt {
      width: 120px;
    }
    .mat-column-source {
      width: 64px;
    }
    .mat-column-customer {
      width: 190px;
    }
    .mat-column-score {
      width: 170px;
    }
    .mat-column-sentiment {
      width: 110px;
    }
    table {
      table-layout: fixed;
    }
    td {
      overflow-wrap: anywhere;
    }
  `,
})
export class ExplorerTable {
  readonly rows = input.required<readonly ExplorerRowFragment[]>();
  readonly label = input('Customer feedback');
  /** Off on a customer's own page, where every row is theirs. */
  readonly showCustomer = input(true);
  protected readonly columns = computed(() =>
    ['receivedAt', 'source', 'customer', 'score', 'sentiment', 'comment'].filter(
      (c) => c !== 'customer' || this.showCustomer(),
    ),
  );
  protected readonly customerName = customerName;
  protected readonly customerEmail = customerEmail;
  protected readonly scoreLabel = scoreLabel;
  protected readonly bandTone = bandTone;
  protected readonly sourceLabel = sourceLabel;
  protected readonly sentimentText = sentimentText;
  protected readonly sentimentTone = sentimentTone;
}
