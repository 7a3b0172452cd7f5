import { z } from 'zod';
import { defineTopic } from './topic';

/** Produced by the notifier once a notice reached a final state. */
export const NoticeDeliveredEventSchema = z
  .object({
    schemaVersion: z.literal(1),
    noticeId: z.uuid(),
    actionId: z.uuid(),
    customerId: z.uuid(),
    status: z.enum(['sent', 'failed', 'suppressed']),
    messageId: z.string().nullable(),
    reason: z.string().nullable(),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export type NoticeDeliveredEvent = z.infer<typeof NoticeDeliveredEventSchema>;

export const NoticeDeliveredTopic = defineTopic('notice.delivered.v1', NoticeDeliveredEventSchema);
