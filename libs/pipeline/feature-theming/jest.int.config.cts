/**
 * Integration tests on real PostgreSQL and Kafka (`npm run stack:up`) with the real sentence encoder
 * (THEME_ENCODER_DIR); the environment lets onnxruntime-node run under Jest (see the file).
 */
module.exports = {
  displayName: 'pipeline-feature-theming:int',
  preset: '../../../jest.preset.js',
  testEnvironment: '<rootDir>/../../../tools/jest/onnx-node-environment.cjs',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 120_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
};
