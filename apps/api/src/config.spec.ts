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
      expect.objectContaining({ PORT: 4000, KAFKA_BROKERS: ['k1:9092', 'k2:9092'], RUN_MIGRATIONS: true, KAFKA_PARTITIONS: 3 }),
    );
  });

  it('fails at boot naming every bad variable', () => {
    process.env = { UNSUBSCRIBE_SECRET: 'short', PORT: 'eighty' };
    expect(() => loadApiConfig()).toThrow(/DATABASE_URL[\s\S]*UNSUBSCRIBE_SECRET must be at least 16 characters|PORT/);
    try {
      loadApiConfig();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('UNSUBSCRIBE_SECRET must be at least 16 characters');
    }
  });
});
