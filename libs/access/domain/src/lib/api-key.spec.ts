import { apiKeyMatches, apiKeyPrefix, generateApiKey, parseScopes } from './api-key';

describe('API keys', () => {
  it('generates a key whose prefix can be read back and whose hash matches only it', () => {
    const { key, prefix, hash } = generateApiKey();
    expect(key).toMatch(/^clk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyPrefix(key)).toBe(prefix);
    expect(apiKeyMatches(key, hash)).toBe(true);
    expect(apiKeyMatches(`${key.slice(0, -1)}x`, hash)).toBe(false);
    expect(hash).not.toContain(key);
  });

  it('gives two keys different prefixes and hashes', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.prefix).not.toBe(b.prefix);
    expect(a.hash).not.toBe(b.hash);
  });

  it('reads no prefix from malformed keys', () => {
    expect(apiKeyPrefix('Bearer nonsense')).toBeNull();
    expect(apiKeyPrefix('clk_zzzzzzzzzzzz_abc')).toBeNull();
  });

  it('validates scopes, naming unknown ones', () => {
    expect(parseScopes(['survey', 'crm', 'survey'])).toEqual(['survey', 'crm']);
    expect(() => parseScopes(['survey', 'email'])).toThrow('Unknown scope email; scopes are survey, social, crm, staff');
    expect(() => parseScopes([])).toThrow('at least one scope');
  });
});
