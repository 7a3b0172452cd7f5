import { markDelivered } from '@closedloop/actions-data-access';
import type { NoticeDeliveredEvent } from '@closedloop/contracts';
import type { DataSource } from 'typeorm';

/**
 * A sent notice makes its customer's items in the action's lineage told, at the delivery time
 * (failed and suppressed notices tell no one). The loop roll-ups follow through their triggers.
 */
export async function trackNoticeDelivered(
  dataSource: DataSource,
  event: NoticeDeliveredEvent,
): Promise<boolean> {
  if (event.status !== 'sent') return false;
  await dataSource.transaction((manager) =>
    markDelivered(manager, event.actionId, event.customerId, new Date(event.occurredAt)),
  );
  return true;
}
