import { MessageHeaders } from '@closedloop/contracts';
import type { DeadLetter } from './dead-letter';
import { replayMessageOf } from './replay-message';

describe('replayMessageOf', () => {
  const letter: DeadLetter = {
    id: '00000000-0000-4000-8000-000000000001',
    dlqTopic: 'feedback.survey.dlq.v1',
    dlqPartition: 0,
    dlqOffset: '7',
    sourceTopic: 'feedback.survey.v1',
    sourcePartition: 1,
    sourceOffset: '99',
    consumerGroup: 'closedloop.pipeline.intake',
    reason: 'failed after 5 attempts: connection refused',
    failedAt: new Date('2026-11-29T08:00:00Z'),
    key: 'survey:abc',
    value: Buffer.from('{"n":1}'),
    headers: {
      [MessageHeaders.correlationId]: 'corr-1',
      [MessageHeaders.deadLetterReason]: 'failed after 5 attempts: connection refused',
      [MessageHeaders.deadLetterSourceTopic]: 'feedback.survey.v1',
      [MessageHeaders.deadLetterSourcePartition]: '1',
      [MessageHeaders.deadLetterSourceOffset]: '99',
      [MessageHeaders.deadLetterConsumerGroup]: 'closedloop.pipeline.intake',
      [MessageHeaders.deadLetterFailedAt]: '2026-11-29T08:00:00Z',
      [MessageHeaders.replayedFrom]: 'feedback.survey.dlq.v1/0/3',
    },
    status: 'open',
    replayCount: 0,
    resolvedAt: null,
    resolvedBy: null,
    note: null,
    keptAt: new Date('2026-11-29T08:00:01Z'),
  };

  it('sends the original key, bytes and correlation id, without the dlq headers, saying where from', () => {
    const message = replayMessageOf(letter);
    expect(message.key).toBe('survey:abc');
    expect(message.value?.toString()).toBe('{"n":1}');
    expect(message.headers).toEqual({
      [MessageHeaders.correlationId]: 'corr-1',
      [MessageHeaders.replayedFrom]: 'feedback.survey.dlq.v1/0/7',
    });
  });
});
