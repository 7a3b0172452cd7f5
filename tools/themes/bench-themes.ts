/**
 * Assignment speed and memory of the theme engine as the number of themes grows.
 *   npm run bench:themes [-- --themes 100,1000,10000]
 * For each size, builds an engine holding about that many themes from synthetic embeddings shaped
 * like sentence embeddings of one domain: a component shared by all, a direction per group of
 * related topics (sqrt(n) groups, as "card" topics sit near one another), a direction per topic,
 * and noise. Then it times assigning fresh items one at a time with a consolidation pass every
 * 500 items, as the theming stage runs it, and reports the heap. Embeddings are given: this measures the engine, not
 * the encoder (see `themes:eval`'s encoderItemsPerSecond for that).
 */
import { performance } from 'node:perf_hooks';
import { SeededRandom, ThemeEngine } from '@closedloop/themes-domain';

const DIMENSIONS = 384;
const MEASURED = 20_000;
/** The theming stage's cadence: one consolidation pass every 500 items. */
const CONSOLIDATE_EVERY = 500;

function gaussian(random: SeededRandom): number {
  const u = Math.max(1e-12, random.next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

function unit(vector: Float32Array): Float32Array {
  let length = 0;
  for (const value of vector) length += value * value;
  const scale = 1 / Math.sqrt(length);
  return vector.map((value) => value * scale);
}

function direction(random: SeededRandom): Float32Array {
  return unit(Float32Array.from({ length: DIMENSIONS }, () => gaussian(random)));
}

/** A topic: its group's direction plus its own. */
function topicIn(group: Float32Array, random: SeededRandom): Float32Array {
  const own = direction(random);
  return unit(group.map((g, i) => 0.4 * g + 0.92 * own[i]));
}

/** An embedding near a topic: shared domain direction + topic direction + noise. */
function sample(domain: Float32Array, topic: Float32Array, random: SeededRandom): Float32Array {
  const noise = direction(random);
  return unit(domain.map((d, i) => 0.9 * d + 0.8 * topic[i] + 0.55 * noise[i]));
}

function bench(themeTarget: number): Record<string, number> {
  const random = new SeededRandom(themeTarget);
  const domain = direction(random);
  const groups = Array.from({ length: Math.ceil(Math.sqrt(themeTarget)) }, () => direction(random));
  const topics = Array.from({ length: themeTarget }, (_, i) =>
    topicIn(groups[i % groups.length], random),
  );
  const engine = new ThemeEngine({ seed: 1 });
  let id = 0;
  for (let round = 0; round < 4; round++) {
    for (const topic of topics) {
      engine.assign({ id: `seed-${id++}`, text: 'seed', vector: sample(domain, topic, random) });
    }
    engine.consolidate();
  }
  const items = Array.from({ length: MEASURED }, () =>
    sample(domain, topics[random.nextInt(topics.length)], random),
  );
  const heapBefore = process.memoryUsage().heapUsed;
  let consolidationSeconds = 0;
  let passes = 0;
  const started = performance.now();
  items.forEach((vector, index) => {
    engine.assign({ id: `item-${id++}`, text: 'item', vector });
    if ((index + 1) % CONSOLIDATE_EVERY === 0) {
      const passStarted = performance.now();
      engine.consolidate();
      consolidationSeconds += (performance.now() - passStarted) / 1000;
      passes++;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    targetThemes: themeTarget,
    liveThemes: engine.themes().length,
    itemsPerSecond: Math.round(MEASURED / seconds),
    assignMicrosecondsPerItem: Number(
      (((seconds - consolidationSeconds) / MEASURED) * 1e6).toFixed(1),
    ),
    consolidationMsPerPass: Math.round((consolidationSeconds / passes) * 1000),
    heapUsedMB: Number((process.memoryUsage().heapUsed / 1e6).toFixed(1)),
    heapGrowthDuringAssignmentMB: Number(
      ((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1),
    ),
  };
}

const sizesArgument = process.argv.indexOf('--themes');
const sizes =
  sizesArgument >= 0
    ? (process.argv[sizesArgument + 1] ?? '').split(',').map(Number)
    : [100, 1_000, 10_000];
for (const themes of sizes) process.stdout.write(`${JSON.stringify(bench(themes))}\n`);
