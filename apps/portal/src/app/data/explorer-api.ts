import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import {
  FeedbackExplorerDocument,
  FeedbackItemDocument,
  ThemeChoicesDocument,
  ThemeLabelDocument,
  type ExplorerRowFragment,
  type FeedbackFilterInput,
  type FeedbackItemQuery,
  type ThemeLabelQuery,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';

/** One page of the explorer, how many match in all, and where the next page starts. */
export interface ExplorerPage {
  readonly rows: readonly ExplorerRowFragment[];
  readonly total: number;
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface ThemeChoice {
  readonly id: string;
  readonly label: string;
  readonly volume: number;
}

export type FeedbackItem = NonNullable<FeedbackItemQuery['feedback']>;
export type ThemeLabel = NonNullable<ThemeLabelQuery['theme']>;

/** The feedback explorer's reads: filtered pages, one item, theme names. */
@Injectable({ providedIn: 'root' })
export class ExplorerApi {
  private readonly graphql = inject(GraphqlClient);

  page(first: number, after: string | null, filter: FeedbackFilterInput): Observable<ExplorerPage> {
    return this.graphql.request(FeedbackExplorerDocument, { first, after, filter }).pipe(
      map(({ feedbackItems }) => ({
        rows: feedbackItems.edges.map((e) => e.node),
        total: feedbackItems.totalCount,
        hasNextPage: feedbackItems.pageInfo.hasNextPage,
        endCursor: feedbackItems.pageInfo.endCursor,
      })),
    );
  }

  /** The 200 biggest active themes, for the theme filter. */
  themeChoices(): Observable<readonly ThemeChoice[]> {
    return this.graphql
      .request(ThemeChoicesDocument)
      .pipe(map((d) => d.themes.edges.map((e) => e.node)));
  }

  item(id: string): Observable<FeedbackItem | null> {
    return this.graphql.request(FeedbackItemDocument, { id }).pipe(map((d) => d.feedback));
  }

  theme(id: string): Observable<ThemeLabel | null> {
    return this.graphql.request(ThemeLabelDocument, { id }).pipe(map((d) => d.theme));
  }
}
