import type { ActionDetailFragment } from '../graphql/generated';
import {
  audienceSize,
  fillTemplate,
  firstNameOf,
  previewVariables,
  unknownPlaceholders,
} from './notice-template';

type Feedback = ActionDetailFragment['feedback'][number];
const feedback = (
  id: string,
  customer: Feedback['customer'],
  text: string | null,
  occurredAt: string,
): Feedback => ({
  id,
  receivedAt: occurredAt,
  occurredAt,
  source: 'survey',
  metric: 'NPS',
  score: 3,
  scoreBand: 'detractor',
  text,
  customer,
});
const maya = { id: 'c1', name: 'Maya Chen', email: 'maya@example.com', unsubscribedAt: null };
const tom = {
  id: 'c2',
  name: 'Tom',
  email: 'tom@example.com',
  unsubscribedAt: '2026-01-01T00:00:00Z',
};
const anon = { id: 'c3', name: 'Anon', email: null, unsubscribedAt: null };

describe('unknownPlaceholders', () => {
  it('finds placeholders the notifier does not know, once each', () => {
    expect(
      unknownPlaceholders('Hi {{firstName}}, {{ change }} {{firstname}} {{firstname}} {{ }}'),
    ).toEqual(['firstname', '']);
    expect(
      unknownPlaceholders('Hi {{firstName}} on {{quoteDate}}: {{quote}} / {{change}}'),
    ).toEqual([]);
  });
});

describe('fillTemplate', () => {
  it('fills known placeholders, with or without spaces, and blanks unknown ones', () => {
    const variables = {
      firstName: 'Maya',
      change: 'Faster checkout',
      quote: 'slow',
      quoteDate: '2026-01-02',
    };
    expect(
      fillTemplate('Hi {{firstName}}, {{ change }} ({{quote}}, {{quoteDate}}){{nope}}', variables),
    ).toBe('Hi Maya, Faster checkout (slow, 2026-01-02)');
  });

  it('does not treat inherited properties as placeholders', () => {
    const variables = { firstName: 'Maya', change: '', quote: '', quoteDate: '' };
    expect(fillTemplate('{{constructor}}{{toString}}', variables)).toBe('');
  });
});

describe('audience and preview', () => {
  const action = {
    title: 'Fix card payments',
    feedback: [
      feedback('f0', anon, 'no email', '2026-01-05T00:00:00Z'),
      feedback('f1', tom, 'unsubscribed', '2026-01-04T00:00:00Z'),
      feedback('f2', maya, 'older words', '2026-01-01T10:00:00Z'),
      feedback('f3', maya, 'newest words', '2026-01-03T10:00:00Z'),
      feedback('f4', maya, null, '2026-01-04T10:00:00Z'),
      feedback('f5', null, 'anonymous', '2026-01-04T10:00:00Z'),
    ],
  };

  it('counts distinct reachable customers', () => {
    expect(audienceSize(action)).toBe(1);
  });

  it('quotes the newest non-empty comment of the first reachable customer', () => {
    expect(previewVariables(action)).toEqual({
      firstName: 'Maya',
      change: 'Fix card payments',
      quote: 'newest words',
      quoteDate: '2026-01-03',
    });
  });

  it('has no preview when nobody can be told', () => {
    expect(
      previewVariables({
        title: 'x',
        feedback: [feedback('f0', anon, 'hi', '2026-01-01T00:00:00Z')],
      }),
    ).toBeNull();
  });

  it('falls back to "there" for a missing first name', () => {
    expect(firstNameOf('  ')).toBe('there');
    expect(firstNameOf(null)).toBe('there');
    expect(firstNameOf('Ravi Patel')).toBe('Ravi');
  });
});
