import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encoderDirectoryFromEnv } from './encoder-directory';
import { EncoderFilesMissingError } from './encoder-files';
import { loadSentenceEncoder } from './load-sentence-encoder';
import type { SentenceEncoder } from './sentence-encoder';

/**
 * The real bge-small-en-v1.5-q model, from THEME_ENCODER_DIR (default: where `npm run models:fetch`
 * puts it). Fails, and does not skip, when the model is not there.
 */
const directory = encoderDirectoryFromEnv(process.env);

const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((sum, value, i) => sum + value * b[i], 0);
const norm = (a: Float32Array): number => Math.sqrt(dot(a, a));

describe('loadSentenceEncoder on the real bge-small-en-v1.5-q', () => {
  let encoder: SentenceEncoder;
  let loadMs: number;

  beforeAll(async () => {
    const started = performance.now();
    encoder = await loadSentenceEncoder({ directory });
    loadMs = performance.now() - started;
  });
  afterAll(async () => {
    await encoder?.close();
  });

  it('gives 384-dimensional unit vectors', async () => {
    expect(encoder.dimensions).toBe(384);
    expect(encoder.modelId).toBe('bge-small-en-v1.5-q');
    const [vector] = await encoder.encode(['The app crashes every time I open my statement.']);
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector).toHaveLength(384);
    expect(norm(vector)).toBeCloseTo(1, 5);
    expect(vector.every(Number.isFinite)).toBe(true);
  });

  it('is deterministic, and a text gets the same vector alone or among others', async () => {
    const text = 'Why was I charged twice for one purchase?';
    const [first] = await encoder.encode([text]);
    const [, , again] = await encoder.encode([
      'Great service, thanks!',
      'My PIN is blocked.',
      text,
    ]);
    expect(Array.from(again)).toEqual(Array.from(first));
  });

  it('puts paraphrases closer than unrelated questions', async () => {
    const [card, waiting, exchange] = await encoder.encode([
      'my card has not arrived',
      'still waiting for my new card',
      'what exchange rate do you use',
    ]);
    const related = dot(card, waiting);
    const unrelated = dot(card, exchange);
    expect(related).toBeGreaterThan(unrelated + 0.1);
  });

  it('truncates long texts without error, keeping the start of the text', async () => {
    const start = 'The delivery was late and nobody answered the phone. ';
    const long = start.repeat(120);
    const longer = start.repeat(400);
    const [a, b] = await encoder.encode([long, longer]);
    expect(norm(a)).toBeCloseTo(1, 5);
    // Both are cut at 256 tokens, well inside the shorter one, so they are the same input.
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('rejects empty and blank texts naming their position', async () => {
    await expect(encoder.encode(['fine', ''])).rejects.toThrow('text at index 1 is empty or blank');
    await expect(encoder.encode(['  \n'])).rejects.toThrow('text at index 0 is empty or blank');
    expect(await encoder.encode([])).toEqual([]);
  });

  it('encodes at a reasonable speed on one thread (printed, not asserted)', async () => {
    const sentences = Array.from(
      { length: 60 },
      (_, i) =>
        `Feedback number ${i}: the ${['app', 'card', 'branch', 'transfer'][i % 4]} was ${['slow', 'confusing', 'great', 'broken'][i % 3]} today.`,
    );
    const started = performance.now();
    await encoder.encode(sentences);
    const perSentence = (performance.now() - started) / sentences.length;
    const longText = 'The delivery was late and nobody answered the phone. '.repeat(40);
    const longStarted = performance.now();
    await encoder.encode([longText, longText]);
    const perLongText = (performance.now() - longStarted) / 2;
    console.log(
      `bge-small-en-v1.5-q: loaded in ${loadMs.toFixed(0)} ms; on one thread ${perSentence.toFixed(1)} ms per ` +
        `short sentence, ${perLongText.toFixed(0)} ms per text truncated to 256 tokens`,
    );
    expect(perSentence).toBeGreaterThan(0);
  });

  it('honours a smaller maxTokens and refuses encode after close', async () => {
    const small = await loadSentenceEncoder({ directory, maxTokens: 8 });
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const [cut] = await small.encode([text]);
    const [prefix] = await small.encode(['one two three four five six']);
    expect(Array.from(cut)).toEqual(Array.from(prefix));
    await small.close();
    await expect(small.encode(['after close'])).rejects.toThrow('is closed');
  });
});

describe('loadSentenceEncoder without a model', () => {
  it('names the missing files and npm run models:fetch', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-encoder-'));
    try {
      const loading = loadSentenceEncoder({ directory: empty });
      await expect(loading).rejects.toBeInstanceOf(EncoderFilesMissingError);
      await expect(loading).rejects.toThrow('npm run models:fetch');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses a maxTokens beyond the model', async () => {
    await expect(loadSentenceEncoder({ directory, maxTokens: 1000 })).rejects.toThrow(
      'maxTokens must be an integer from 3 to 512',
    );
  });
});
