import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('leaves no markup: tags, attributes and entities come out as text', () => {
    expect(escapeHtml(`"><img src=x onerror='alert(1)'> & &amp;`)).toBe(
      '&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt; &amp; &amp;amp;',
    );
    expect(escapeHtml('Checkout fails')).toBe('Checkout fails');
  });
});
