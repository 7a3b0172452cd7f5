import { inject, Injectable } from '@angular/core';
import { debounceTime, map, merge, Observable } from 'rxjs';
import {
  ExperienceMapDocument,
  OverviewActionStatusChangedDocument,
  OverviewFeedbackReceivedDocument,
  OverviewLoopFlowDocument,
  OverviewLoopMeasuresDocument,
  OverviewSatisfactionTrendDocument,
  type ExperienceMapQuery,
  type OverviewLoopFlowQuery,
  type OverviewLoopMeasuresQuery,
  type OverviewSatisfactionTrendQuery,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';
import { GraphqlSubscriptions } from '../graphql/graphql-subscriptions';

/** A span of time by when the customer spoke, as ISO instants: from inclusive, to exclusive. */
export interface IsoRange {
  readonly from: string;
  readonly to: string;
}

export type LoopFlowData = OverviewLoopFlowQuery['loopFlow'];
export type LoopMeasuresData = OverviewLoopMeasuresQuery['loopMeasures'];
export type SatisfactionWeeks = OverviewSatisfactionTrendQuery['satisfactionTrend'];
export type ExperienceCells = ExperienceMapQuery['experienceMap'];

/** How many of the largest themes the flow names. */
export const FLOW_THEMES = 6;

@Injectable({ providedIn: 'root' })
export class OverviewApi {
  private readonly graphql = inject(GraphqlClient);
  private readonly subscriptions = inject(GraphqlSubscriptions);

  loopFlow(range: IsoRange): Observable<LoopFlowData> {
    return this.graphql
      .request(OverviewLoopFlowDocument, { range, themes: FLOW_THEMES })
      .pipe(map((r) => r.loopFlow));
  }

  loopMeasures(range: IsoRange): Observable<LoopMeasuresData> {
    return this.graphql
      .request(OverviewLoopMeasuresDocument, { filter: range })
      .pipe(map((r) => r.loopMeasures));
  }

  satisfactionTrend(range: IsoRange): Observable<SatisfactionWeeks> {
    return this.graphql
      .request(OverviewSatisfactionTrendDocument, { range })
      .pipe(map((r) => r.satisfactionTrend));
  }

  experienceMap(range: IsoRange): Observable<ExperienceCells> {
    return this.graphql.request(ExperienceMapDocument, { range }).pipe(map((r) => r.experienceMap));
  }

  /**
   * Emits once feedback arrives or an action changes status and then nothing more happens for
   * `quietMs`, so a burst of events asks for one refresh.
   */
  changes(quietMs: number): Observable<void> {
    return merge(
      this.subscriptions.subscribe(OverviewFeedbackReceivedDocument),
      this.subscriptions.subscribe(OverviewActionStatusChangedDocument),
    ).pipe(
      debounceTime(quietMs),
      map(() => undefined),
    );
  }
}
