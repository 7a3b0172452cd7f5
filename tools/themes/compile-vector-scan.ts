import wabt from 'wabt';

/** The WebAssembly binary of a WAT module with SIMD, as base64. */
export async function compileVectorScan(wat: string): Promise<string> {
  const toolkit = await wabt();
  const module = toolkit.parseWat('vector-scan.wat', wat, { simd: true });
  try {
    module.validate();
    return Buffer.from(module.toBinary({}).buffer).toString('base64');
  } finally {
    module.destroy();
  }
}
