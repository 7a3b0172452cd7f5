import { homedir } from 'node:os';
import { join } from 'node:path';

/** What tools/models/ensure-encoder.sh provisions, under the project's download cache. */
export const DEFAULT_ENCODER_MODEL_ID = 'bge-small-en-v1.5-q';

/**
 * The directory holding the encoder's model.onnx and tokenizer.json: `THEME_ENCODER_DIR` when set,
 * else where `npm run models:fetch` puts it, `~/.cache/closedloop/models/bge-small-en-v1.5-q`
 * (under `CLOSEDLOOP_CACHE` instead of `~/.cache/closedloop` when that is set, as the script does).
 */
export function encoderDirectoryFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  homeDirectory: string = homedir(),
): string {
  const configured = env['THEME_ENCODER_DIR']?.trim();
  if (configured) return configured;
  const cache = env['CLOSEDLOOP_CACHE']?.trim() || join(homeDirectory, '.cache', 'closedloop');
  return join(cache, 'models', DEFAULT_ENCODER_MODEL_ID);
}
