import { resolveSenderSettings, senderFrom, senderSettingProblem } from './sender-settings';

describe('sender settings', () => {
  it('accepts a plain address and name, and clears with an empty value', () => {
    expect(senderSettingProblem('senderAddress', 'care@acme.example')).toBeNull();
    expect(senderSettingProblem('senderName', 'Acme care')).toBeNull();
    expect(senderSettingProblem('senderAddress', '')).toBeNull();
    expect(senderSettingProblem('senderName', null)).toBeNull();
  });

  it('refuses addresses that are not one plain address', () => {
    expect(senderSettingProblem('senderAddress', 'not an address')).toMatch(/email address/);
    expect(senderSettingProblem('senderAddress', 'A <a@b.example>')).toMatch(/email address/);
    expect(senderSettingProblem('senderAddress', 'a@b')).toMatch(/email address/);
    expect(senderSettingProblem('senderAddress', 42)).toMatch(/must be text/);
  });

  it('refuses header injection in the name and subject', () => {
    expect(senderSettingProblem('senderName', 'Acme\r\nBcc: x@y.example')).toMatch(/one line/);
    expect(senderSettingProblem('senderName', 'Acme <evil>')).toMatch(/angle brackets/);
    expect(senderSettingProblem('noticeSubjectTemplate', 'Hi\nthere')).toMatch(/one line/);
  });

  it('names unknown placeholders of the templates', () => {
    expect(senderSettingProblem('noticeBodyTemplate', 'Hi {{firstName}}, {{change}}')).toBeNull();
    expect(senderSettingProblem('noticeBodyTemplate', 'Hi {{firstname}} {{ oops }}')).toBe(
      'noticeBodyTemplate has unknown placeholders: {{firstname}}, {{oops}}',
    );
    expect(senderSettingProblem('noticeSubjectTemplate', 'x'.repeat(201))).toMatch(
      /longer than 200/,
    );
  });

  it('resolves stored values, dropping invalid ones', () => {
    const settings = resolveSenderSettings(
      new Map<string, unknown>([
        ['senderName', 'Acme care'],
        ['senderAddress', 'broken'],
        ['noticeSubjectTemplate', 'We changed {{change}}'],
      ]),
    );
    expect(settings).toEqual({
      senderName: 'Acme care',
      senderAddress: null,
      noticeSubjectTemplate: 'We changed {{change}}',
      noticeBodyTemplate: null,
    });
  });

  it('builds the From header, falling back without an address', () => {
    expect(senderFrom({ senderName: 'Acme', senderAddress: 'care@acme.example' }, 'x@y.z')).toEqual(
      { name: 'Acme', address: 'care@acme.example' },
    );
    expect(senderFrom({ senderName: null, senderAddress: 'care@acme.example' }, 'x@y.z')).toBe(
      'care@acme.example',
    );
    expect(senderFrom({ senderName: 'Acme', senderAddress: null }, 'x@y.z')).toBe('x@y.z');
  });
});
