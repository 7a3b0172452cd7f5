import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-click unsubscribe tokens: the customer id and an HMAC of it, so a link cannot be forged
 * for another customer and needs no lookup table.
 */
export function signUnsubscribeToken(customerId: string, secret: string): string {
  return `${customerId}.${macOf(customerId, secret)}`;
}

/**
 * The customer id of a valid token, or null. The MAC is compared as text, not decoded: base64url
 * decoding ignores the spare bits of the last character, so a decoded comparison would accept
 * more than one spelling of the same token.
 */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [customerId, mac] = parts as [string, string];
  if (!customerId || !mac) return null;
  const expected = Buffer.from(macOf(customerId, secret), 'utf8');
  const given = Buffer.from(mac, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected) ? customerId : null;
}

function macOf(customerId: string, secret: string): string {
  return createHmac('sha256', secret).update(customerId).digest('base64url');
}
