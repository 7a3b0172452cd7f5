import { isLuhnValid } from './luhn';

describe('isLuhnValid', () => {
  it.each([
    '4111111111111111',
    '5555555555554444',
    '378282246310005',
    '6011111111111117',
    '79927398713',
  ])('accepts %s', (digits) => expect(isLuhnValid(digits)).toBe(true));

  it.each(['4111111111111112', '1234567812345678', '79927398710'])('rejects %s', (digits) =>
    expect(isLuhnValid(digits)).toBe(false),
  );

  it('rejects anything that is not digits only', () => {
    expect(isLuhnValid('')).toBe(false);
    expect(isLuhnValid('4111 1111 1111 1111')).toBe(false);
  });
});
