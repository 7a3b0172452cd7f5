/**
 * Integration tests: the real bge-small-en-v1.5-q model from THEME_ENCODER_DIR (default
 * ~/.cache/closedloop/models/bge-small-en-v1.5-q; `npm run models:fetch` provisions it).
 * The environment shares the host's typed arrays with the sandbox, which onnxruntime-node needs
 * under Jest (see the file).
 */
module.exports = {
  displayName: 'themes-encoder:int',
  preset: '../../../jest.preset.js',
  testEnvironment: '<rootDir>/../../../tools/jest/onnx-node-environment.cjs',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 120_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
};
