const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // eld (language detection) ships ES modules only: let the transform (ts-jest) compile it to
  // CommonJS like the project's own code. Every other package in node_modules is left as it is.
  transformIgnorePatterns: ['/node_modules/(?!eld/)', '\\.pnp\\.[^\\/]+$'],
};
