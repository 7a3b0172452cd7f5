import { XSS_PAYLOADS } from './xss-payloads';

describe('the XSS payload corpus', () => {
  it('numbers each payload once, and each one reports with its own number', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    expect(XSS_PAYLOADS.map((p) => p.n)).toEqual(XSS_PAYLOADS.map((_, i) => i + 1));
    for (const payload of XSS_PAYLOADS) {
      // `__xss(n)`, `xss-n`, or their entity-encoded form `xss&#40;n`.
      expect(payload.text).toMatch(new RegExp(`xss(\\(|-|&#40;)${payload.n}\\b`));
    }
  });

  it('fits every inbound text field (at most 200 characters, no NUL)', () => {
    for (const payload of XSS_PAYLOADS) {
      expect(payload.text.length).toBeLessThanOrEqual(200);
      expect(payload.text).not.toContain('\u0000');
    }
  });
});
