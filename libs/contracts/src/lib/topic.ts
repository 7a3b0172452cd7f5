import { z, type ZodType } from 'zod';

/** A Kafka topic together with the schema every message on it must satisfy. */
export interface TopicDefinition<T> {
  /** Versioned topic name, e.g. `feedback.survey.v1`. */
  readonly name: string;
  /** Schema of the JSON value; producers and consumers both validate against it. */
  readonly schema: ZodType<T>;
  /**
   * Messages are taken as the bytes they are, neither parsed nor validated: a dead-letter topic,
   * whose messages are whatever failed (malformed JSON included).
   */
  readonly raw?: true;
}

/** The value type carried by a topic definition. */
export type TopicValue<D> = D extends TopicDefinition<infer T> ? T : never;

export function defineTopic<T>(name: string, schema: ZodType<T>): TopicDefinition<T> {
  if (!/^[a-z][a-z0-9.-]*\.v\d+$/.test(name)) {
    throw new Error(`Topic name "${name}" must be lower-case and end in a version such as ".v1"`);
  }
  return { name, schema };
}

/** `feedback.survey.v1` → `feedback.survey.dlq.v1`: the dead-letter topic of a consumed topic. */
export function deadLetterTopicName(topicName: string): string {
  const match = /^(.*)\.(v\d+)$/.exec(topicName);
  if (!match) {
    throw new Error(`Topic name "${topicName}" has no version suffix`);
  }
  return `${match[1]}.dlq.${match[2]}`;
}

/**
 * The dead-letter topic of a consumed topic, read as raw bytes: what failed on `topicName`, with
 * the original key, value and headers and the `dlq-*` headers saying why.
 */
export function deadLetterTopic(topicName: string): TopicDefinition<Buffer | null> {
  return {
    name: deadLetterTopicName(topicName),
    schema: z.custom<Buffer | null>((v) => v === null || Buffer.isBuffer(v)),
    raw: true,
  };
}
