import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ENCODER_MODEL_FILE = 'model.onnx';
export const ENCODER_TOKENIZER_FILE = 'tokenizer.json';

/** The encoder's files are not where it was told to look. */
export class EncoderFilesMissingError extends Error {
  constructor(
    readonly directory: string,
    readonly missingFiles: readonly string[],
  ) {
    super(
      `sentence encoder: ${missingFiles.map((file) => join(directory, file)).join(' and ')} ` +
        `${missingFiles.length === 1 ? 'is' : 'are'} missing. Run \`npm run models:fetch\` ` +
        `(tools/models/ensure-encoder.sh) and set THEME_ENCODER_DIR to the directory it prints.`,
    );
    this.name = 'EncoderFilesMissingError';
  }
}

/** Paths of the model and the tokenizer in `directory`; throws `EncoderFilesMissingError` naming each one missing. */
export function encoderFilesIn(directory: string): { modelFile: string; tokenizerFile: string } {
  const modelFile = join(directory, ENCODER_MODEL_FILE);
  const tokenizerFile = join(directory, ENCODER_TOKENIZER_FILE);
  const missing = [ENCODER_MODEL_FILE, ENCODER_TOKENIZER_FILE].filter(
    (file) => !isNonEmptyFile(join(directory, file)),
  );
  if (missing.length > 0) throw new EncoderFilesMissingError(directory, missing);
  return { modelFile, tokenizerFile };
}

function isNonEmptyFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile() && statSync(path).size > 0;
}
