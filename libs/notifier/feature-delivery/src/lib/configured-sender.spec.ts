import type { DataSource } from 'typeorm';
import { CachedSender } from './configured-sender';

/** A settings table in memory: answers the query the sender makes, counting them. */
function settingsSource(rows: { key: string; value: unknown }[]) {
  const source = { reads: 0, fail: false, rows };
  const dataSource = {
    query: async () => {
      source.reads += 1;
      if (source.fail) throw new Error('database unavailable');
      return source.rows;
    },
  } as unknown as DataSource;
  return { source, dataSource };
}

describe('CachedSender', () => {
  it('reads the sender once per time-to-live, and again after it', async () => {
    let now = 1_000;
    const { source, dataSource } = settingsSource([
      { key: 'senderName', value: 'Acme care' },
      { key: 'senderAddress', value: 'care@acme.example' },
    ]);
    const sender = new CachedSender(dataSource, 'loop@closedloop.local', 5_000, () => now);
    expect(await sender.current()).toEqual({ name: 'Acme care', address: 'care@acme.example' });
    now += 4_999;
    await sender.current();
    expect(source.reads).toBe(1);
    source.rows = [];
    now += 1;
    expect(await sender.current()).toBe('loop@closedloop.local');
    expect(source.reads).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const { source, dataSource } = settingsSource([]);
    const sender = new CachedSender(dataSource, 'loop@closedloop.local', 60_000, () => 0);
    source.fail = true;
    await expect(sender.current()).rejects.toThrow('database unavailable');
    source.fail = false;
    expect(await sender.current()).toBe('loop@closedloop.local');
    expect(source.reads).toBe(2);
  });
});
