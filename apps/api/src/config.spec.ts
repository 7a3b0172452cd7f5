import { loadApiConfig } from './config';

describe('api configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads brokers, port and flags from the environment', () => {
    process.env = {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/closedloop',
      UNSUBSCRIBE_SECRET: 'a-long-enough-secret',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      PORT: '4000',
      RUN_MIGRATIONS: 'true',
    };
    expect(loadApiConfig()).toEqual(
      expect.objectContaining({
        PORT: 4000,
        KAFKA_BROKERS: ['k1:9092', 'k2:9092'],
        RUN_MIGRATIONS: true,
        KAFKA_PARTITIONS: 3,
      }),
    );
  });

  it('fails at boot naming every bad variable', () => {
    process.env = { UNSUBSCRIBE_SECRET: 'short', PORT: 'eighty' };
    expect(() => loadApiConfig()).toThrow(
      /DATABASE_URL[\s\S]*UNSUBSCRIBE_SECRET must be at least 16 characters|PORT/,
    );
    try {
      loadApiConfig();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('UNSUBSCRIBE_SECRET must be at least 16 characters');
    }
  });

  it('takes the first admin and session lifetimes from the environment, both admin variables or neither', () => {
    const base = {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/closedloop',
      UNSUBSCRIBE_SECRET: 'a-long-enough-secret',
    };
    process.env = { ...base };
    expect(loadApiConfig()).toEqual(
      expect.objectContaining({ SESSION_IDLE_MINUTES: 720, SESSION_MAX_HOURS: 168 }),
    );
    expect(loadApiConfig().ADMIN_EMAIL).toBeUndefined();
    process.env = {
      ...base,
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'a long admin passphrase',
      SESSION_IDLE_MINUTES: '30',
    };
    expect(loadApiConfig()).toEqual(
      expect.objectContaining({ ADMIN_EMAIL: 'admin@example.com', SESSION_IDLE_MINUTES: 30 }),
    );
    process.env = { ...base, ADMIN_EMAIL: 'admin@example.com' };
    expect(() => loadApiConfig()).toThrow('set ADMIN_EMAIL and ADMIN_PASSWORD together');
  });
});
