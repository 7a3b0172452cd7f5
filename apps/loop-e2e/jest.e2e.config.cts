/**
 * The whole loop on real infrastructure: api, pipeline and notifier as separate processes against
 * Kafka, PostgreSQL and the test SMTP server brought up by `npm run stack:up`.
 */
module.exports = {
  displayName: 'loop-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
};
