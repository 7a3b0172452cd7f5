import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import {
  FeedbackListDocument,
  type FeedbackFilterInput,
  type FeedbackRowFragment,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';

/** The most the API hands out in one page. */
export const MAX_FEEDBACK_PAGE = 200;

/** One page of feedback, newest received first, and where the next one starts. */
export interface FeedbackPage {
  readonly rows: readonly FeedbackRowFragment[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

@Injectable({ providedIn: 'root' })
export class FeedbackApi {
  private readonly graphql = inject(GraphqlClient);

  /** A page of `first` items after the cursor (from the start without one), filtered. */
  page(
    first: number,
    after: string | null = null,
    filter?: FeedbackFilterInput,
  ): Observable<FeedbackPage> {
    return this.graphql
      .request(FeedbackListDocument, {
        first: Math.min(Math.max(first, 1), MAX_FEEDBACK_PAGE),
        after,
        filter,
      })
      .pipe(
        map(({ feedbackItems }) => ({
          rows: feedbackItems.edges.map((edge) => edge.node),
          hasNextPage: feedbackItems.pageInfo.hasNextPage,
          endCursor: feedbackItems.pageInfo.endCursor,
        })),
      );
  }

  /** The newest feedback, at most `first` (one page) of it. */
  list(first: number): Observable<readonly FeedbackRowFragment[]> {
    return this.page(first).pipe(map((page) => page.rows));
  }
}
