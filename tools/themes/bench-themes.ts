/**
 * Throughput and per-item assignment cost as the number of themes grows.
 *   npm run bench:themes
 * Builds engines holding about 100, 1,000 and 10,000 themes from synthetic topics (each
 * topic has its own rare words plus shared common words), then times assigning fresh items.
 */
import { performance } from 'node:perf_hooks';
import { SeededRandom, ThemeEngine } from '@closedloop/themes-domain';

const COMMON = [
  'card',
  'account',
  'money',
  'transfer',
  'payment',
  'app',
  'bank',
  'help',
  'fee',
  'time',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'sa',
  'ti',
  'vo',
  'ze',
  'qu',
  'bi',
  'do',
  'fa',
  'gu',
];

function word(random: SeededRandom): string {
  let text = '';
  const length = 3 + random.nextInt(3);
  for (let i = 0; i < length; i++) text += SYLLABLES[random.nextInt(SYLLABLES.length)];
  return text;
}

function topicText(topic: string[], random: SeededRandom): string {
  const words = [COMMON[random.nextInt(COMMON.length)], COMMON[random.nextInt(COMMON.length)]];
  for (let i = 0; i < 4; i++) words.push(topic[random.nextInt(topic.length)]);
  return `my ${words.join(' ')} is not working`;
}

function bench(themeTarget: number): Record<string, number> {
  const random = new SeededRandom(themeTarget);
  const topics = Array.from({ length: themeTarget }, () =>
    Array.from({ length: 6 }, () => word(random)),
  );
  const engine = new ThemeEngine({ seed: 1 });
  let id = 0;
  // Seed every topic a few times so the engine holds about `themeTarget` themes.
  for (let round = 0; round < 3; round++) {
    for (const topic of topics)
      engine.assign({ id: `seed-${id++}`, text: topicText(topic, random) });
  }
  engine.consolidate();
  const measured = 20_000;
  const texts = Array.from({ length: measured }, () =>
    topicText(topics[random.nextInt(topics.length)], random),
  );
  const started = performance.now();
  for (const text of texts) engine.assign({ id: `item-${id++}`, text });
  const seconds = (performance.now() - started) / 1000;
  const consolidationStart = performance.now();
  engine.consolidate();
  const consolidationSeconds = (performance.now() - consolidationStart) / 1000;
  return {
    targetThemes: themeTarget,
    liveThemes: engine.themes().length,
    itemsPerSecond: Math.round(measured / seconds),
    microsecondsPerItem: Number(((seconds / measured) * 1e6).toFixed(1)),
    consolidationMs: Math.round(consolidationSeconds * 1000),
    heapUsedMB: Number((process.memoryUsage().heapUsed / 1e6).toFixed(1)),
    snapshotMB: Number((JSON.stringify(engine.snapshot()).length / 1e6).toFixed(1)),
  };
}

for (const themes of [100, 1_000, 10_000]) {
  process.stdout.write(`${JSON.stringify(bench(themes))}\n`);
}
