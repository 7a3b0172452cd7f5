import { PubSub } from 'graphql-subscriptions';

/** Injection token of the process's PubSub that fans live events out to GraphQL subscriptions. */
export const LIVE_PUBSUB = Symbol('LIVE_PUBSUB');

export const createLivePubSub = (): PubSub => new PubSub();

/** PubSub triggers, one per subscription. */
export const LiveTrigger = {
  feedback: 'live.feedback',
  themeChanged: 'live.theme-changed',
  actionStatusChanged: 'live.action-status-changed',
  noticeDelivered: 'live.notice-delivered',
} as const;

/** New feedback was stored (`stored`), or stored feedback was placed in a theme (`themed`). */
export interface LiveFeedbackEvent {
  readonly kind: 'stored' | 'themed';
  readonly feedbackId: string;
  readonly source: string;
  readonly themeId: string | null;
}
