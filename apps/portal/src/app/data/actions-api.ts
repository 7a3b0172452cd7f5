import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import {
  ActionDocument,
  ActionImpactDocument,
  ActionListDocument,
  AddActionCommentDocument,
  AnnounceActionDocument,
  AnnouncePreviewDocument,
  ChangeActionStatusDocument,
  CreateActionDocument,
  LinkFeedbackToActionDocument,
  type ActionDetailFragment,
  type ActionImpactQuery,
  type AddActionCommentMutation,
  type ActionStatus,
  type ActionSummaryFragment,
  type AnnounceActionMutation,
  type AnnouncePreviewQuery,
  type AudienceFilterInput,
  type CreateActionInput,
} from '../graphql/generated';
import { GraphqlClient } from '../graphql/graphql-client';

@Injectable({ providedIn: 'root' })
export class ActionsApi {
  private readonly graphql = inject(GraphqlClient);

  /** Actions, newest first. */
  list(): Observable<readonly ActionSummaryFragment[]> {
    return this.graphql.request(ActionListDocument).pipe(map((data) => data.actionList));
  }

  /** Before and after the ship, for the action's themes; null until it has shipped. */
  impact(id: string): Observable<NonNullable<ActionImpactQuery['action']>['impact'] | null> {
    return this.graphql
      .request(ActionImpactDocument, { id })
      .pipe(map((data) => data.action?.impact ?? null));
  }

  /** Adds a comment to the action's discussion. */
  addComment(
    actionId: string,
    body: string,
  ): Observable<AddActionCommentMutation['addActionComment']> {
    return this.graphql
      .request(AddActionCommentDocument, { actionId, body })
      .pipe(map((data) => data.addActionComment));
  }

  /** One action with its feedback, history and notices; null when there is no such action. */
  get(id: string): Observable<ActionDetailFragment | null> {
    return this.graphql.request(ActionDocument, { id }).pipe(map((data) => data.action));
  }

  create(input: CreateActionInput): Observable<ActionSummaryFragment> {
    return this.graphql
      .request(CreateActionDocument, { input })
      .pipe(map((data) => data.createAction));
  }

  changeStatus(
    actionId: string,
    status: ActionStatus,
    options: { readonly note?: string; readonly reason?: string } = {},
  ): Observable<ActionDetailFragment> {
    return this.graphql
      .request(ChangeActionStatusDocument, {
        input: { actionId, status, note: options.note || null, reason: options.reason || null },
      })
      .pipe(map((data) => data.changeActionStatus));
  }

  /** Who an announcement would reach, who is left out and why, and one customer's email. */
  preview(
    actionId: string,
    subject: string,
    body: string,
    audience: AudienceFilterInput | null,
  ): Observable<AnnouncePreviewQuery['announcePreview']> {
    return this.graphql
      .request(AnnouncePreviewDocument, { input: { actionId, subject, body, audience } })
      .pipe(map((data) => data.announcePreview));
  }

  /** Sends the announcement to exactly the audience the same filter previews. */
  announce(
    actionId: string,
    subject: string,
    body: string,
    audience: AudienceFilterInput | null = null,
  ): Observable<AnnounceActionMutation['announceAction']> {
    return this.graphql
      .request(AnnounceActionDocument, { input: { actionId, subject, body, audience } })
      .pipe(map((data) => data.announceAction));
  }

  linkFeedback(actionId: string, feedbackIds: readonly string[]): Observable<ActionDetailFragment> {
    return this.graphql
      .request(LinkFeedbackToActionDocument, { actionId, feedbackIds })
      .pipe(map((data) => data.linkFeedbackToAction));
  }
}
