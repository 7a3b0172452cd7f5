import { firstNameOf, renderNotice } from './render-notice';

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
