import { digestSubject, firstNameOf, renderDigest, renderNotice } from './render-notice';

const template = {
  subject: 'We fixed {{change}}',
  body: 'Hi {{firstName}},\n\nYou told us on {{quoteDate}}: "{{quote}}"\n\nWe changed {{change}}.',
};

describe('renderNotice', () => {
  const rendered = renderNotice(
    template,
    {
      firstName: 'Ada',
      change: 'the checkout',
      quote: '<script>alert("x")</script> too slow & clunky',
      quoteDate: '1 November 2026',
    },
    'http://localhost:3000/unsubscribe?token=a&b',
  );

  it('fills the placeholders in the subject and text', () => {
    expect(rendered.subject).toBe('We fixed the checkout');
    expect(rendered.text).toContain('Hi Ada,');
    expect(rendered.text).toContain('You told us on 1 November 2026: "<script>alert("x")</script> too slow & clunky"');
    expect(rendered.text).toContain('Unsubscribe: http://localhost:3000/unsubscribe?token=a&b');
  });

  it('escapes customer text in the HTML part', () => {
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; too slow &amp; clunky');
    expect(rendered.html).toContain('<a href="http://localhost:3000/unsubscribe?token=a&amp;b">Unsubscribe</a>');
  });
});

describe('firstNameOf', () => {
  it('takes the first word, or falls back', () => {
    expect(firstNameOf('Ada Lovelace')).toBe('Ada');
    expect(firstNameOf(null)).toBe('there');
    expect(firstNameOf('   ')).toBe('there');
  });
});

describe('renderNotice with a Markdown body', () => {
  const variables = {
    firstName: 'Ada <b>',
    change: 'the *checkout*',
    quote: 'It **hangs** at [pay](javascript:alert(1)) <img src=x onerror=alert(1)> {{firstName}} & more',
    quoteDate: '2026-11-01',
  };
  const rendered = renderNotice(
    {
      subject: 'Fixed: {{change}}',
      body: '# Thanks, {{firstName}}\n\nYou said:\n\n> {{quote}}\n\non *{{quoteDate}}*. We shipped **{{change}}** — [details](https://example.com/changes).\n\n<i>raw html</i> and {{unknown}}',
    },
    variables,
    'http://localhost:3000/unsubscribe/t',
  );

  it("renders the CX lead's Markdown as HTML", () => {
    expect(rendered.html).toContain('<h1>Thanks, Ada &lt;b&gt;</h1>');
    expect(rendered.html).toContain('<blockquote>');
    expect(rendered.html).toContain('<em>2026-11-01</em>');
    expect(rendered.html).toContain('<a href="https://example.com/changes">details</a>');
  });

  it('escapes customer text and keeps Markdown in it literal', () => {
    expect(rendered.html).toContain(
      'It **hangs** at [pay](javascript:alert(1)) &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; {{firstName}} &amp; more',
    );
    expect(rendered.html).toContain('<strong>the *checkout*</strong>');
    expect(rendered.html).not.toContain('<img');
    expect(rendered.html).not.toContain('<b>');
    expect(rendered.html).not.toContain('javascript:alert(1)"');
  });

  it("shows raw HTML and unknown placeholders in the lead's text as written", () => {
    expect(rendered.html).toContain('&lt;i&gt;raw html&lt;/i&gt; and &#123;&#123;unknown&#125;&#125;');
    expect(rendered.html).not.toContain('<i>');
  });

  it('keeps the plain-text part readable: the Markdown as written, values as given', () => {
    expect(rendered.subject).toBe('Fixed: the *checkout*');
    expect(rendered.text).toContain('# Thanks, Ada <b>');
    expect(rendered.text).toContain('> It **hangs** at [pay](javascript:alert(1)) <img src=x onerror=alert(1)> {{firstName}} & more');
    expect(rendered.text).toContain('Unsubscribe: http://localhost:3000/unsubscribe/t');
  });
});

describe('renderDigest', () => {
  const section = (change: string, quote: string) => ({
    template: { subject: 'We shipped {{change}}', body: 'Hi {{firstName}}, you said "{{quote}}": we shipped {{change}}.' },
    variables: { firstName: 'Ada', change, quote, quoteDate: '2026-11-01' },
  });

  it('lists every change with its own quote under one subject and one unsubscribe link', () => {
    const digest = renderDigest([section('faster checkout', 'slow <pay>'), section('dark mode', 'too bright')], 'http://u/x');
    expect(digest.subject).toBe(digestSubject(2));
    expect(digest.html).toContain('you said &quot;slow &lt;pay&gt;&quot;: we shipped faster checkout.');
    expect(digest.html).toContain('you said &quot;too bright&quot;: we shipped dark mode.');
    expect(digest.html.match(/Unsubscribe<\/a>/g)).toHaveLength(1);
    expect(digest.text).toContain('we shipped faster checkout.\n\n---\n\nHi Ada');
    expect(digest.text.match(/Unsubscribe:/g)).toHaveLength(1);
  });

  it('uses the action subject when there is one section, and refuses none', () => {
    expect(renderDigest([section('dark mode', 'x')], 'http://u/x').subject).toBe('We shipped dark mode');
    expect(() => renderDigest([], 'http://u/x')).toThrow();
  });
});
