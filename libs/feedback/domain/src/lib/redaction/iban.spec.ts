import { isValidIban } from './iban';

describe('isValidIban', () => {
  it.each([
    'GB82WEST12345698765432',
    'DE89370400440532013000',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'BE68539007547034',
    'NO9386011117947',
    'MT84MALT011000012345MTLCAST001S',
    'gb82west12345698765432',
  ])('accepts %s', (iban) => expect(isValidIban(iban)).toBe(true));

  it.each([
    ['a wrong check digit', 'GB83WEST12345698765432'],
    ['a swapped pair of digits', 'DE89370400440532031000'],
    ['a length that does not fit the country', 'GB82WEST1234569876543'],
    ['an unknown country', 'ZZ82WEST12345698765432'],
    ['spaces (callers compact first)', 'GB82 WEST 1234 5698 7654 32'],
  ])('rejects %s', (_why, iban) => expect(isValidIban(iban)).toBe(false));
});
