import { z } from 'zod';
import { defineTopic } from './topic';

/** One change notice to one customer, produced from the transactional outbox when an action is announced. */
export const NoticeRequestedEventSchema = z
  .object({
    schemaVersion: z.literal(1),
    noticeId: z.uuid(),
    actionId: z.uuid(),
    customerId: z.uuid(),
    requestedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export type NoticeRequestedEvent = z.infer<typeof NoticeRequestedEventSchema>;

export const NoticeRequestedTopic = defineTopic('notice.requested.v1', NoticeRequestedEventSchema);
