import { z } from 'zod';
import type { TopicDefinition } from './topic';

/**
 * The JSON Schema (draft 2020-12) of a topic's messages, for producers that do not use this
 * library. Rules JSON Schema cannot express (a score's range per metric, "email or externalId",
 * the metadata size limit) are named in the description and enforced by the consumers.
 */
export function topicJsonSchema(topic: TopicDefinition<unknown>): Record<string, unknown> {
  const schema = z.toJSONSchema(topic.schema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
  });
  return {
    $id: `https://closedloop.dev/contracts/${topic.name}.schema.json`,
    title: topic.name,
    ...schema,
  };
}
