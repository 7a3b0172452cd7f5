import { SignInThrottle } from './sign-in-throttle';

describe('SignInThrottle', () => {
  const options = { perEmail: 3, emailRefillSeconds: 60, perIp: 5, ipRefillSeconds: 10 };

  it('refuses an email after its failed attempts, until one refills', () => {
    const throttle = new SignInThrottle(options);
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('Ada@Example.com', '10.0.0.1', 0).allowed).toBe(true);
      throttle.failed('ada@example.com', `10.0.0.${i + 1}`, 0);
    }
    expect(throttle.check('ada@example.com ', '10.0.0.9', 0)).toEqual({
      allowed: false,
      retryAfterMs: 60_000,
    });
    expect(throttle.check('bob@example.com', '10.0.0.9', 0).allowed).toBe(true);
    expect(throttle.check('ada@example.com', '10.0.0.9', 60_000).allowed).toBe(true);
  });

  it('refuses an address that tries many emails', () => {
    const throttle = new SignInThrottle(options);
    for (let i = 0; i < 5; i++) throttle.failed(`user${i}@example.com`, '10.0.0.1', 0);
    expect(throttle.check('new@example.com', '10.0.0.1', 0)).toEqual({
      allowed: false,
      retryAfterMs: 10_000,
    });
    expect(throttle.check('new@example.com', '10.0.0.2', 0).allowed).toBe(true);
  });
});
