import {
  generatePassword,
  hashPassword,
  needsRehash,
  passwordProblems,
  verifyPassword,
} from './password';

const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('makes a self-describing scrypt hash with a random salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery', FAST);
    const b = await hashPassword('correct horse battery', FAST);
    expect(a).toMatch(/^scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('correct horse battery', a)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', a)).resolves.toBe(false);
    await expect(verifyPassword('correct horse battery', 'not a hash')).resolves.toBe(false);
  });

  it('uses the strong default parameters and says when a hash is weaker', async () => {
    const strong = await hashPassword('correct horse battery');
    expect(strong.startsWith('scrypt$N=131072,r=8,p=1$')).toBe(true);
    expect(needsRehash(strong)).toBe(false);
    expect(needsRehash(await hashPassword('x', FAST))).toBe(true);
  });
});

describe('password policy', () => {
  it('asks for 12 characters, some variety, and not the email or name', () => {
    expect(passwordProblems('short')).toEqual([
      'A password needs at least 12 characters (this one has 5)',
    ]);
    expect(passwordProblems('aaaaaaaaaaaaaa')).toEqual([
      'A password needs at least 4 different characters',
    ]);
    expect(passwordProblems('            ')).toEqual(['A password cannot be only spaces']);
    expect(passwordProblems('priya.k-secret-42', { email: 'priya.k@example.com' })).toEqual([
      'A password must not contain the email address',
    ]);
    expect(passwordProblems('I am Priya Kapoor!', { name: 'Priya Kapoor' })).toEqual([
      'A password must not contain the name',
    ]);
    expect(
      passwordProblems('a long, fine passphrase', { email: 'priya@example.com', name: 'Priya' }),
    ).toEqual([]);
  });

  it('generates passwords that meet it', () => {
    const password = generatePassword();
    expect(passwordProblems(password)).toEqual([]);
    expect(generatePassword()).not.toBe(password);
  });
});
