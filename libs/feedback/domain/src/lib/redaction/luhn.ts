/**
 * Luhn (mod 10) check used by payment card numbers: from the rightmost digit, double every
 * second digit (subtracting 9 when the result exceeds 9) and require the sum to be a multiple of 10.
 * `digits` must hold digits only.
 */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
