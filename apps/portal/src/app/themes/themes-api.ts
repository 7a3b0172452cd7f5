import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import {
  MarkThemeNoiseDocument,
  MergeThemesDocument,
  MoveFeedbackToThemeDocument,
  PinThemeDocument,
  RenameThemeDocument,
  SplitThemeDocument,
  ThemeChangedDocument,
  ThemeDetailDocument,
  ThemeListDocument,
  ThemePickDocument,
  ThemeRelatedDocument,
  ThemeSplitProposalDocument,
  type ThemeChangedSubscription,
  type ThemeDetailQuery,
  type ThemeFilterInput,
  type ThemeLineageFragment,
  type ThemeListQuery,
  type ThemeMemberFragment,
  type ThemePickQuery,
  type ThemeSort,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';
import { GraphqlLive } from '../graphql/graphql-live';

export type ThemePage = ThemeListQuery['themes'];
export type ThemeDetail = NonNullable<ThemeDetailQuery['theme']>;
export type ThemeLinkedAction = ThemeDetailQuery['actions']['edges'][number]['node'];
export type ThemeOption = ThemePickQuery['themes']['edges'][number]['node'];
export type ThemeChange = ThemeChangedSubscription['themeChanged'];

export interface ThemeListRequest {
  readonly filter: ThemeFilterInput;
  readonly sort: ThemeSort;
  readonly first: number;
  readonly after: string | null;
}

/** The theme pages' reads and a CX lead's corrections. */
@Injectable({ providedIn: 'root' })
export class ThemesApi {
  private readonly graphql = inject(GraphqlClient);
  private readonly live = inject(GraphqlLive);

  list(request: ThemeListRequest): Observable<ThemePage> {
    return this.graphql.request(ThemeListDocument, request).pipe(map((data) => data.themes));
  }

  /** Active themes whose label or key phrases contain the text, for pickers. */
  pick(search: string): Observable<readonly ThemeOption[]> {
    return this.graphql
      .request(ThemePickDocument, { search: search.trim() || null })
      .pipe(map((data) => data.themes.edges.map((e) => e.node)));
  }

  /** One theme with its quotes, trend, breakdowns, items and linked actions; null when unknown. */
  get(
    id: string,
  ): Observable<{ theme: ThemeDetail | null; actions: readonly ThemeLinkedAction[] }> {
    return this.graphql.request(ThemeDetailDocument, { id }).pipe(
      map((data) => ({
        theme: data.theme ?? null,
        actions: data.actions.edges.map((e) => e.node),
      })),
    );
  }

  related(id: string): Observable<ThemeLineageFragment | null> {
    return this.graphql
      .request(ThemeRelatedDocument, { id })
      .pipe(map((data) => data.theme ?? null));
  }

  splitProposal(id: string): Observable<readonly ThemeMemberFragment[]> {
    return this.graphql
      .request(ThemeSplitProposalDocument, { id })
      .pipe(map((data) => data.themeSplitProposal));
  }

  rename(id: string, label: string): Observable<unknown> {
    return this.graphql.request(RenameThemeDocument, { id, label });
  }

  /** Merges the source theme into the target; answers the target. */
  mergeInto(sourceId: string, targetId: string): Observable<{ id: string; label: string }> {
    return this.graphql
      .request(MergeThemesDocument, { targetId, sourceIds: [sourceId] })
      .pipe(map((data) => data.mergeThemes));
  }

  /** Splits the chosen items (or, with null, the engine's proposal) into a new theme. */
  split(
    id: string,
    feedbackIds: readonly string[] | null,
  ): Observable<{ id: string; label: string }> {
    return this.graphql
      .request(SplitThemeDocument, { id, feedbackIds })
      .pipe(map((data) => data.splitTheme));
  }

  move(feedbackIds: readonly string[], themeId: string): Observable<{ id: string; label: string }> {
    return this.graphql
      .request(MoveFeedbackToThemeDocument, { feedbackIds, themeId })
      .pipe(map((data) => data.moveFeedbackToTheme));
  }

  pin(id: string, pinned: boolean): Observable<unknown> {
    return this.graphql.request(PinThemeDocument, { id, pinned });
  }

  markNoise(id: string): Observable<unknown> {
    return this.graphql.request(MarkThemeNoiseDocument, { id });
  }

  changes(): Observable<ThemeChange> {
    return this.live.subscribe(ThemeChangedDocument).pipe(map((data) => data.themeChanged));
  }
}
