import Handlebars from 'handlebars';
import MarkdownIt from 'markdown-it';

/** What a CX lead writes when announcing: a subject and a Markdown body with placeholders. */
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

/** One action's part of a notice: its template and this customer's values. */
export interface NoticeSection {
  readonly template: NoticeTemplate;
  readonly variables: NoticeVariables;
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

/** CommonMark with raw HTML disabled: HTML a CX lead types shows as text, never as markup. */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });

const PLACEHOLDER = /\{\{\s*(firstName|change|quote|quoteDate)\s*\}\}/g;
/** A Markdown-inert stand-in for a placeholder while the Markdown is rendered (letters and digits only). */
const sentinel = (name: string) => `CLOSEDLOOPPLACEHOLDER${name}END`;
const SENTINEL = /CLOSEDLOOPPLACEHOLDER(firstName|change|quote|quoteDate)END/g;

/** The email around the sections; its values arrive HTML-escaped (escapeHtml) or rendered by sectionHtml. */
const EMAIL_LAYOUT = Handlebars.compile(
  [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><title>{{{subjectHtml}}}</title></head>',
    '<body style="font-family: sans-serif; line-height: 1.5; max-width: 600px">',
    '{{#each sections}}{{#unless @first}}\n<hr>\n{{/unless}}{{{this}}}{{/each}}',
    '<hr>',
    '<p style="font-size: 12px; color: #666">You received this because you shared feedback with us. <a href="{{{unsubscribeHref}}}">Unsubscribe</a></p>',
    '</body></html>',
  ].join('\n'),
  { strict: true },
);

/** Fills placeholders as plain text (subject and text part): no escaping, nothing is markup there. */
function fillText(template: string, variables: NoticeVariables): string {
  return template.replace(PLACEHOLDER, (_, name: keyof NoticeVariables) => variables[name]);
}

/**
 * The HTML of one section. The CX lead's Markdown is rendered first, with the placeholders held
 * out as inert stand-ins; the customer's values are then filled in by Handlebars, which
 * HTML-escapes them. So customer text never passes through Markdown (a `*` or `[x](y)` in a quote
 * stays literal) and never becomes markup. Any other `{{…}}` the lead typed is shown as written.
 */
function sectionHtml(section: NoticeSection): string {
  return compiledBody(section.template.body)(section.variables).trim();
}

/** Compiled bodies by their Markdown: an announcement renders one body for thousands of customers. */
const compiledBodies = new Map<string, HandlebarsTemplateDelegate<NoticeVariables>>();
const COMPILED_BODIES_KEPT = 100;

function compiledBody(body: string): HandlebarsTemplateDelegate<NoticeVariables> {
  const cached = compiledBodies.get(body);
  if (cached) return cached;
  const html = markdown
    .render(body.replace(PLACEHOLDER, (_, name: string) => sentinel(name)))
    .replace(/[{}]/g, (c) => (c === '{' ? '&#123;' : '&#125;'))
    .replace(SENTINEL, (_, name: string) => `{{${name}}}`);
  const compiled = Handlebars.compile<NoticeVariables>(html, { strict: true });
  if (compiledBodies.size >= COMPILED_BODIES_KEPT) compiledBodies.delete(compiledBodies.keys().next().value as string);
  compiledBodies.set(body, compiled);
  return compiled;
}

/** The first word of a customer's name, or a friendly fallback. */
export function firstNameOf(name: string | null | undefined): string {
  const first = name?.trim().split(/\s+/)[0];
  return first && first.length > 0 ? first : 'there';
}

/**
 * Renders a notice as a plain-text and an HTML part. The body is Markdown; every piece of
 * customer text is HTML-escaped in the HTML part, and nothing a customer wrote becomes markup.
 */
export function renderNotice(template: NoticeTemplate, variables: NoticeVariables, unsubscribeUrl: string): RenderedNotice {
  return renderDigest([{ template, variables }], unsubscribeUrl);
}

/** Subject of a digest covering several changes. */
export function digestSubject(count: number): string {
  return `We made ${count} changes you asked for`;
}

/**
 * One email for one or more sections (a digest of several actions announced to the same
 * customer): each section's body in turn, one footer and one unsubscribe link.
 */
export function renderDigest(sections: readonly NoticeSection[], unsubscribeUrl: string): RenderedNotice {
  const [first] = sections;
  if (!first) throw new Error('a notice needs at least one section');
  const subject = (sections.length === 1 ? fillText(first.template.subject, first.variables) : digestSubject(sections.length))
    .replace(/\s+/g, ' ')
    .trim();
  const bodies = sections.map((s) => fillText(s.template.body, s.variables).trim());
  const text = `${bodies.join('\n\n---\n\n')}\n\n--\nYou received this because you shared feedback with us.\nUnsubscribe: ${unsubscribeUrl}\n`;
  const html = EMAIL_LAYOUT({
    subjectHtml: escapeHtml(subject),
    sections: sections.map(sectionHtml),
    unsubscribeHref: escapeHtml(unsubscribeUrl),
  });
  return { subject, text, html };
}
