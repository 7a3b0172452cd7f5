import { MessageHeaders } from '@closedloop/contracts';
import type { MessageContext } from '@closedloop/messaging';
import { deadLetterFromMessage } from './dead-letter-from-message';

const context = (headers: Record<string, string>): MessageContext => ({
  topic: 'feedback.survey.dlq.v1',
  partition: 2,
  offset: '41',
  key: 'survey:abc',
  headers,
});

describe('deadLetterFromMessage', () => {
  const now = new Date('2026-11-30T10:00:00Z');

  it('reads where and why from the dlq headers the bus wrote', () => {
    const letter = deadLetterFromMessage(
      Buffer.from('{"bad":true}'),
      context({
        [MessageHeaders.deadLetterReason]: 'schema violation: occurredAt: Invalid',
        [MessageHeaders.deadLetterSourceTopic]: 'feedback.survey.v1',
        [MessageHeaders.deadLetterSourcePartition]: '1',
        [MessageHeaders.deadLetterSourceOffset]: '1234',
        [MessageHeaders.deadLetterConsumerGroup]: 'closedloop.pipeline.intake',
        [MessageHeaders.deadLetterFailedAt]: '2026-11-29T08:00:00.000Z',
        [MessageHeaders.correlationId]: 'corr-1',
      }),
      now,
    );
    expect(letter).toEqual(
      expect.objectContaining({
        dlqTopic: 'feedback.survey.dlq.v1',
        dlqPartition: 2,
        dlqOffset: '41',
        sourceTopic: 'feedback.survey.v1',
        sourcePartition: 1,
        sourceOffset: '1234',
        consumerGroup: 'closedloop.pipeline.intake',
        reason: 'schema violation: occurredAt: Invalid',
        failedAt: new Date('2026-11-29T08:00:00.000Z'),
        key: 'survey:abc',
      }),
    );
    expect(letter.value?.toString()).toBe('{"bad":true}');
    expect(letter.headers[MessageHeaders.correlationId]).toBe('corr-1');
  });

  it('keeps a message written by hand without headers, naming the topic it belongs to', () => {
    const letter = deadLetterFromMessage(
      null,
      context({ [MessageHeaders.deadLetterSourceOffset]: 'x' }),
      now,
    );
    expect(letter.sourceTopic).toBe('feedback.survey.v1');
    expect(letter.reason).toBe('no reason given');
    expect(letter.failedAt).toEqual(now);
    expect(letter.sourcePartition).toBeNull();
    expect(letter.sourceOffset).toBeNull();
    expect(letter.consumerGroup).toBeNull();
    expect(letter.value).toBeNull();
  });
});
