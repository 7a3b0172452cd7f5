/**
 * Jest's node environment, with the host's typed-array constructors in the test sandbox.
 *
 * Jest runs each test file in its own V8 context, whose Float32Array is not the host's. The
 * onnxruntime-node binding creates its output arrays in the host context, and onnxruntime-common
 * (loaded inside the sandbox) checks them with `instanceof` against the sandbox's constructors, so
 * every `session.run` fails with "A float32 tensor's data must be type of function Float32Array()".
 * Outside Jest there is one context and no such problem. Use it in a Jest config as
 *   testEnvironment: '<rootDir>/<path to>/tools/jest/onnx-node-environment.cjs'
 */
const { TestEnvironment } = require('jest-environment-node');

const SHARED = [
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
];

class OnnxNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) {
      if (name in globalThis) this.global[name] = globalThis[name];
    }
  }
}

module.exports = OnnxNodeEnvironment;
