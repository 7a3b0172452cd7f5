import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const id = '2b0c4f7e-8a43-4a55-9a4e-3f3b8c1d2e10';

  it('round-trips', () => {
    expect(verifyUnsubscribeToken(signUnsubscribeToken(id, 's3cret'), 's3cret')).toBe(id);
  });

  it('rejects a token signed with another secret, a tampered id and garbage', () => {
    const token = signUnsubscribeToken(id, 's3cret');
    expect(verifyUnsubscribeToken(token, 'other')).toBeNull();
    expect(verifyUnsubscribeToken(token.replace(id, id.replace('2b', '3b')), 's3cret')).toBeNull();
    expect(verifyUnsubscribeToken('nonsense', 's3cret')).toBeNull();
  });

  it('rejects every other spelling of the MAC, including ones that decode to the same bytes', () => {
    const token = signUnsubscribeToken(id, 's3cret');
    const last = token.slice(-1);
    // A 32-byte MAC is 43 base64url characters; the last carries 2 spare bits that decoding drops.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const c of alphabet.replace(last, '')) {
      expect(verifyUnsubscribeToken(token.slice(0, -1) + c, 's3cret')).toBeNull();
    }
    expect(verifyUnsubscribeToken(`${token}=`, 's3cret')).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.extra`, 's3cret')).toBeNull();
  });
});
