import { resolveSenderSettings, senderFrom } from '@closedloop/access-domain';
import type { DataSource } from 'typeorm';

/** The From of change notices: the admins' sender settings, else the deployment's MAIL_FROM. */
export async function configuredSender(
  dataSource: DataSource,
  fallback: string,
): Promise<string | { name: string; address: string }> {
  const rows: { key: string; value: unknown }[] = await dataSource.query(
    `SELECT key, value FROM settings WHERE key IN ('senderName', 'senderAddress')`,
  );
  return senderFrom(resolveSenderSettings(new Map(rows.map((r) => [r.key, r.value]))), fallback);
}
