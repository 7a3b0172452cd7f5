/**
 * The portal in a real browser (Debian's Chromium through playwright-core) against a running
 * ClosedLoop: PORTAL_BASE_URL=http://127.0.0.1:3100 npx nx e2e portal-e2e
 */
module.exports = {
  displayName: 'portal-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 90_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
};
