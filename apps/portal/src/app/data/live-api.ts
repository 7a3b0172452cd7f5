import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import {
  ActionNoticeSummaryDocument,
  ActionStatusChangedDocument,
  NoticeDeliveredDocument,
  type ActionNoticeSummaryQuery,
  type ActionStatusChangedSubscription,
  type NoticeDeliveredSubscription,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';
import { GraphqlLive } from '../graphql/graphql-live';

export type ActionStatusChange = ActionStatusChangedSubscription['actionStatusChanged'];
export type NoticeDelivery = NoticeDeliveredSubscription['noticeDelivered'];
export type DeliveryCounts = NonNullable<ActionNoticeSummaryQuery['action']>['noticeSummary'];

/** Live updates for the actions board and an announcement's delivery. */
@Injectable({ providedIn: 'root' })
export class LiveApi {
  private readonly live = inject(GraphqlLive);
  private readonly graphql = inject(GraphqlClient);

  /** Every action's changes of status, as they happen. */
  actionStatusChanges(): Observable<ActionStatusChange> {
    return this.live.subscribe(ActionStatusChangedDocument).pipe(map((d) => d.actionStatusChanged));
  }

  /** One action's notices as each reaches its final state. */
  noticeDeliveries(actionId: string): Observable<NoticeDelivery> {
    return this.live
      .subscribe(NoticeDeliveredDocument, { actionId })
      .pipe(map((d) => d.noticeDelivered));
  }

  /** An action's notice counts now; null when there is no such action. */
  deliveryCounts(actionId: string): Observable<DeliveryCounts | null> {
    return this.graphql
      .request(ActionNoticeSummaryDocument, { id: actionId })
      .pipe(map((d) => d.action?.noticeSummary ?? null));
  }
}
