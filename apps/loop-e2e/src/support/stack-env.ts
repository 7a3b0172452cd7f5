/** Where the local stack is; `npm run stack:up` prints and writes these. Missing infrastructure fails the run. */
export const stackEnv = {
  kafkaBrokers: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
  postgresAdminUrl:
    process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/closedloop_test',
  smtpHost: process.env['SMTP_HOST'] ?? '127.0.0.1',
  smtpPort: Number(process.env['SMTP_PORT'] ?? 2525),
  smtpApiUrl: process.env['SMTP_API_URL'] ?? 'http://127.0.0.1:8025',
};
