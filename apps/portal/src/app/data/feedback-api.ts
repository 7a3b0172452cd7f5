import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { FeedbackListDocument, type FeedbackRowFragment } from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';

/** The most the API hands out in one list. */
export const MAX_FEEDBACK = 500;

@Injectable({ providedIn: 'root' })
export class FeedbackApi {
  private readonly graphql = inject(GraphqlClient);

  /** The newest feedback first, at most `first` of it. */
  list(first: number): Observable<readonly FeedbackRowFragment[]> {
    return this.graphql
      .request(FeedbackListDocument, { first: Math.min(Math.max(first, 1), MAX_FEEDBACK) })
      .pipe(map((data) => data.feedbackList));
  }
}
