import Handlebars from 'handlebars';

/** What a CX lead writes when announcing: a subject and a body with placeholders. */
export interface NoticeTemplate {
  readonly subject: string;
  readonly body: string;
}

/** Values for the placeholders `{{firstName}}`, `{{change}}`, `{{quote}}` and `{{quoteDate}}`. */
export interface NoticeVariables {
  readonly firstName: string;
  readonly change: string;
  readonly quote: string;
  readonly quoteDate: string;
}

export interface RenderedNotice {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export const NOTICE_PLACEHOLDERS = ['firstName', 'change', 'quote', 'quoteDate'] as const;

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

function fill(template: string, variables: NoticeVariables): string {
  return Handlebars.compile(template, { noEscape: true, strict: false })(variables);
}

/** The first word of a customer's name, or a friendly fallback. */
export function firstNameOf(name: string | null | undefined): string {
  const first = name?.trim().split(/\s+/)[0];
  return first && first.length > 0 ? first : 'there';
}

/**
 * Renders a notice as a plain-text and an HTML part. Every piece of text, the customer's own
 * words above all, is HTML-escaped in the HTML part; nothing a customer wrote becomes markup.
 */
export function renderNotice(
  template: NoticeTemplate,
  variables: NoticeVariables,
  unsubscribeUrl: string,
): RenderedNotice {
  const subject = fill(template.subject, variables).replace(/\s+/g, ' ').trim();
  const body = fill(template.body, variables).trim();
  const text = `${body}\n\n--\nYou received this because you shared feedback with us.\nUnsubscribe: ${unsubscribeUrl}\n`;
  const paragraphs = body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; max-width: 600px">',
    paragraphs,
    '<hr>',
    `<p style="font-size: 12px; color: #666">You received this because you shared feedback with us. <a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
