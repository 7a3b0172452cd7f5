import type { ZodType } from 'zod';

/** A Kafka topic together with the schema every message on it must satisfy. */
export interface TopicDefinition<T> {
  /** Versioned topic name, e.g. `feedback.survey.v1`. */
  readonly name: string;
  /** Schema of the JSON value; producers and consumers both validate against it. */
  readonly schema: ZodType<T>;
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
