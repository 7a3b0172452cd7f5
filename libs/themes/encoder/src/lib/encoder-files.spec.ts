import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EncoderFilesMissingError, encoderFilesIn } from './encoder-files';

describe('encoderFilesIn', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'encoder-files-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('names every missing file and how to fetch them', () => {
    const error = captureError(() => encoderFilesIn(directory));
    expect(error).toBeInstanceOf(EncoderFilesMissingError);
    expect((error as EncoderFilesMissingError).missingFiles).toEqual([
      'model.onnx',
      'tokenizer.json',
    ]);
    expect(error.message).toContain(join(directory, 'model.onnx'));
    expect(error.message).toContain(join(directory, 'tokenizer.json'));
    expect(error.message).toContain('npm run models:fetch');
  });

  it('treats an empty file as missing', () => {
    writeFileSync(join(directory, 'model.onnx'), '');
    writeFileSync(join(directory, 'tokenizer.json'), '{}');
    const error = captureError(() => encoderFilesIn(directory));
    expect((error as EncoderFilesMissingError).missingFiles).toEqual(['model.onnx']);
    expect(error.message).toContain('is missing');
  });

  it('gives both paths when both are there', () => {
    writeFileSync(join(directory, 'model.onnx'), 'x');
    writeFileSync(join(directory, 'tokenizer.json'), '{}');
    expect(encoderFilesIn(directory)).toEqual({
      modelFile: join(directory, 'model.onnx'),
      tokenizerFile: join(directory, 'tokenizer.json'),
    });
  });
});

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
