import type { ActionDetailFragment } from '../graphql/generated';

/** The placeholders the notifier fills in, as the API documents them. */
export const NOTICE_PLACEHOLDERS = ['firstName', 'change', 'quote', 'quoteDate'] as const;
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];

export const PLACEHOLDER_HELP: Readonly<Record<NoticePlaceholder, string>> = {
  firstName: "the customer's first name ('there' when unknown)",
  change: "the action's title",
  quote: 'what the customer said, their newest linked comment',
  quoteDate: 'the day they said it (YYYY-MM-DD)',
};

/** Written as the customer will see it: their words, the change, a thank-you. */
export const DEFAULT_SUBJECT = 'You told us, we changed it: {{change}}';
export const DEFAULT_BODY = [
  'Hi {{firstName}},',
  '',
  'On {{quoteDate}} you told us: "{{quote}}"',
  '',
  'Thank you. We listened: {{change}}.',
  '',
  'The customer experience team',
].join('\n');

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders in a template that the notifier does not know (typos such as {{firstname}}). */
export function unknownPlaceholders(template: string): string[] {
  const known = new Set<string>(NOTICE_PLACEHOLDERS);
  const unknown = [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? '')
    .filter((name) => !known.has(name));
  return [...new Set(unknown)];
}

export type NoticeVariables = Readonly<Record<NoticePlaceholder, string>>;

/** Fills the known placeholders; unknown ones come out empty, as they do in the sent email. */
export function fillTemplate(template: string, variables: NoticeVariables): string {
  return template.replace(PLACEHOLDER, (_match, name: string) =>
    Object.prototype.hasOwnProperty.call(variables, name)
      ? variables[name as NoticePlaceholder]
      : '',
  );
}

export function firstNameOf(name: string | null | undefined): string {
  const first = name?.trim().split(/\s+/)[0];
  return first && first.length > 0 ? first : 'there';
}

type Linked = Pick<ActionDetailFragment, 'title' | 'feedback'>;
type LinkedFeedback = ActionDetailFragment['feedback'][number];

function reachable(feedback: LinkedFeedback): boolean {
  return !!feedback.customer?.email && !feedback.customer.unsubscribedAt;
}

/** The customers an announcement would reach: linked, with an email address, not unsubscribed. */
export function audienceSize(action: Linked): number {
  return new Set(action.feedback.filter(reachable).map((f) => f.customer?.id)).size;
}

/**
 * The variables one reachable customer would get, as the notifier computes them: the customer's
 * newest non-empty linked comment is the quote. Null when nobody can be told.
 */
export function previewVariables(action: Linked): NoticeVariables | null {
  const first = action.feedback.find(reachable);
  if (!first?.customer) return null;
  const customerId = first.customer.id;
  const quote = action.feedback
    .filter((f) => f.customer?.id === customerId && (f.text ?? '') !== '')
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))[0];
  return {
    firstName: firstNameOf(first.customer.name),
    change: action.title,
    quote: quote?.text ?? '',
    quoteDate: quote ? new Date(quote.occurredAt).toISOString().slice(0, 10) : '',
  };
}
