import {
  resolveSenderSettings,
  resolveSettings,
  SENDER_SETTING_KEYS,
  SETTING_KEYS,
  senderSettingProblem,
  settingProblem,
  type SenderSettings,
  type Settings,
} from '@closedloop/access-domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { apiError } from '../errors/api-error';

/** Typed settings admins change (defaults when never set); inject it wherever a setting is needed. */
@Injectable()
export class SettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(): Promise<
    Settings & SenderSettings & { updatedAt: Date | null; updatedBy: string | null }
  > {
    const rows: { key: string; value: unknown; updated_by: string; updated_at: Date }[] =
      await this.dataSource.query(
        'SELECT key, value, updated_by, updated_at FROM settings ORDER BY updated_at DESC',
      );
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    return {
      ...resolveSettings(stored),
      ...resolveSenderSettings(stored),
      updatedAt: rows[0]?.updated_at ?? null,
      updatedBy: rows[0]?.updated_by ?? null,
    };
  }

  /** Validates every given setting, then stores them together. */
  async update(
    changes: Partial<Record<keyof Settings | keyof SenderSettings, unknown>>,
    updatedBy: string,
  ): Promise<Settings> {
    const given = SETTING_KEYS.filter((k) => changes[k] !== undefined && changes[k] !== null);
    for (const key of given) {
      const problem = settingProblem(key, changes[key]);
      if (problem) throw apiError('BAD_USER_INPUT', problem, { field: key });
    }
    const sender = SENDER_SETTING_KEYS.filter(
      (k) => changes[k] !== undefined && changes[k] !== null,
    );
    for (const key of sender) {
      const problem = senderSettingProblem(key, changes[key]);
      if (problem) throw apiError('BAD_USER_INPUT', problem, { field: key });
    }
    await this.dataSource.transaction(async (m) => {
      for (const key of sender.filter((k) => changes[k] === '')) {
        await m.query('DELETE FROM settings WHERE key = $1', [key]);
      }
      for (const key of [...given, ...sender.filter((k) => changes[k] !== '')]) {
        await m.query(
          `INSERT INTO settings (key, value, updated_by, updated_at) VALUES ($1, $2::jsonb, $3, now())
           ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [key, JSON.stringify(changes[key]), updatedBy],
        );
      }
    });
    return this.get();
  }
}
