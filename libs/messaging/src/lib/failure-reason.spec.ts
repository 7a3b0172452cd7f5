import { defineTopic } from '@closedloop/contracts';
import { z } from 'zod';
import { decodeMessage } from './decode-message';
import { failureReason } from './failure-reason';

describe('failureReason', () => {
  it('leaves out the value PostgreSQL quotes, and names the SQLSTATE', () => {
    const error = Object.assign(
      new Error('invalid input syntax for type uuid: "ada@example.com"'),
      {
        driverError: { code: '22P02' },
      },
    );
    expect(failureReason(error)).toBe('invalid input syntax for type uuid (SQLSTATE 22P02)');
    const duplicate = Object.assign(
      new Error('duplicate key value violates unique constraint "uq_feedback_event_key"'),
      { code: '23505' },
    );
    expect(failureReason(duplicate)).toBe(
      'duplicate key value violates unique constraint "uq_feedback_event_key" (SQLSTATE 23505)',
    );
  });

  it('keeps the message of any other error', () => {
    expect(failureReason(new Error('score out of range'))).toBe('score out of range');
    expect(failureReason('boom')).toBe('boom');
  });
});

describe('decodeMessage of malformed JSON', () => {
  const Topic = defineTopic('test.decode.v1', z.object({ schemaVersion: z.literal(1) }));

  it('says where the JSON broke without quoting the input', () => {
    const bad = decodeMessage(Topic, Buffer.from('hello ada@example.com, call me on 0151 234'));
    expect(bad).toEqual({
      ok: false,
      reason: "malformed JSON: Unexpected token 'h': not valid JSON",
    });
    const cut = decodeMessage(Topic, Buffer.from('{"comment": "ada@example.com" "x"}'));
    expect(cut.ok).toBe(false);
    expect(JSON.stringify(cut)).not.toContain('ada@');
  });
});
