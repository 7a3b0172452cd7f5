import { captureBaseline } from '@closedloop/actions-data-access';
import type { ActionEvent } from '@closedloop/contracts';
import type { DataSource } from 'typeorm';

/** On a ship, takes the pre-ship baseline of the action's themes (once per ship). */
export async function trackActionEvent(
  dataSource: DataSource,
  event: ActionEvent,
): Promise<boolean> {
  if (event.status !== 'shipped') return false;
  return dataSource.transaction((manager) => captureBaseline(manager, event.actionId));
}
