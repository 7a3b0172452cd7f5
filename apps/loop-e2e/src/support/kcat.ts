import { execFileSync } from 'node:child_process';
import { stackEnv } from './stack-env';

/** kcat (Debian's Kafka client) proves the topics work with a client the project did not write. */
export function kcatProduce(
  topic: string,
  key: string,
  value: string,
  headers: Record<string, string> = {},
): void {
  const headerArgs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  execFileSync('kcat', ['-b', stackEnv.kafkaBrokers, '-t', topic, '-P', '-k', key, ...headerArgs], {
    input: value,
    timeout: 30_000,
  });
}

/**
 * The latest messages of a topic (the last `perPartition` of each partition: a long-lived local
 * broker may hold millions from benchmarks), parsed from `key<TAB>headers<TAB>value` lines.
 */
export function kcatConsumeLatest(
  topic: string,
  perPartition = 5_000,
): { key: string; value: string; headers: string }[] {
  const out = execFileSync(
    'kcat',
    [
      '-b',
      stackEnv.kafkaBrokers,
      '-t',
      topic,
      '-C',
      '-o',
      `-${perPartition}`,
      '-e',
      '-q',
      '-f',
      '%k\t%h\t%s\n',
    ],
    { timeout: 60_000, maxBuffer: 256 * 1024 * 1024 },
  ).toString('utf8');
  return out
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [key = '', headers = '', ...rest] = line.split('\t');
      return { key, headers, value: rest.join('\t') };
    });
}
