import type { TopicDefinition } from '@closedloop/contracts';
import type { ZodError } from 'zod';

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Names each failing field and what was wrong with it, e.g. `survey.score: NPS score must be …`. */
export function describeSchemaIssues(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates a value against a topic's schema, naming every failing field. */
export function validateValue<T>(topic: TopicDefinition<T>, value: unknown): DecodeResult<T> {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  const parsed = topic.schema.safeParse(value);
  if (parsed.success) {
    return { ok: true, value: parsed.data };
  }
  if (typeof value === 'object' && value !== null && version !== undefined && version !== 1) {
    return {
      ok: false,
      reason: `unsupported schemaVersion ${JSON.stringify(version)} for ${topic.name}`,
    };
  }
  return { ok: false, reason: `schema violation: ${describeSchemaIssues(parsed.error)}` };
}

/**
 * JSON.parse quotes the start of the input in its message (`Unexpected token 'h', "hello ada@"...
 * is not valid JSON`): the reason goes to logs and headers, so the quote is left out.
 */
function withoutQuotedInput(message: string): string {
  return message.replace(/, "(?:[^"\\]|\\.)*"(?:\.\.\.)? is not valid JSON$/, ': not valid JSON');
}

/** Turns the bytes of a Kafka message into a valid value of its topic, or a reason why not. */
export function decodeMessage<T>(topic: TopicDefinition<T>, bytes: Buffer | null): DecodeResult<T> {
  if (topic.raw) return { ok: true, value: bytes as T };
  if (bytes === null || bytes.length === 0) {
    return { ok: false, reason: 'empty message value' };
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `malformed JSON: ${withoutQuotedInput((error as Error).message)}` };
  }
  return validateValue(topic, json);
}
