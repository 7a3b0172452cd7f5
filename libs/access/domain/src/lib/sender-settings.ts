/** Who change notices come from, and the text an announcement starts with; null: the defaults. */
export interface SenderSettings {
  /** The display name of the From header, e.g. "Acme customer care". */
  readonly senderName: string | null;
  /** The address of the From header. */
  readonly senderAddress: string | null;
  /** The subject an announcement starts with (placeholders allowed). */
  readonly noticeSubjectTemplate: string | null;
  /** The body an announcement starts with (placeholders allowed, Markdown). */
  readonly noticeBodyTemplate: string | null;
}

export type SenderSettingKey = keyof SenderSettings;

export const SENDER_SETTING_KEYS: readonly SenderSettingKey[] = [
  'senderName',
  'senderAddress',
  'noticeSubjectTemplate',
  'noticeBodyTemplate',
];

const MAX_LENGTH: Record<SenderSettingKey, number> = {
  senderName: 100,
  senderAddress: 254,
  noticeSubjectTemplate: 200,
  noticeBodyTemplate: 10_000,
};

const KNOWN_PLACEHOLDERS = new Set(['firstName', 'change', 'quote', 'quoteDate']);
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** One address, no display name: local@domain.tld, no spaces, quotes or angle brackets. */
const ADDRESS = /^[^\s@"<>(),;:\\[\]]+@[^\s@"<>(),;:\\[\]]+\.[^\s@"<>(),;:\\[\]]+$/;

/**
 * Why a value is not acceptable for a sender setting, or null when it is. An empty string (or
 * null) clears the setting, so the default applies again.
 */
export function senderSettingProblem(key: SenderSettingKey, value: unknown): string | null {
  if (value === null || value === '') return null;
  if (typeof value !== 'string') return `${key} must be text`;
  if (value.trim() !== value) return `${key} must not start or end with spaces`;
  if (value.length > MAX_LENGTH[key]) return `${key} is longer than ${MAX_LENGTH[key]} characters`;
  switch (key) {
    case 'senderName':
      return /[\r\n"<>]/.test(value)
        ? 'senderName must be one line without quotes or angle brackets'
        : null;
    case 'senderAddress':
      return ADDRESS.test(value) ? null : 'senderAddress must be an email address';
    case 'noticeSubjectTemplate':
    case 'noticeBodyTemplate': {
      if (key === 'noticeSubjectTemplate' && /[\r\n]/.test(value)) {
        return 'noticeSubjectTemplate must be one line';
      }
      const unknown = [...value.matchAll(PLACEHOLDER)]
        .map((m) => m[1] ?? '')
        .filter((name) => !KNOWN_PLACEHOLDERS.has(name));
      return unknown.length > 0
        ? `${key} has unknown placeholders: ${[...new Set(unknown)].map((n) => `{{${n}}}`).join(', ')}`
        : null;
    }
  }
}

/** Stored values, each kept only while still valid; missing or invalid ones are null. */
export function resolveSenderSettings(stored: ReadonlyMap<string, unknown>): SenderSettings {
  const value = (key: SenderSettingKey): string | null => {
    const raw = stored.get(key);
    return typeof raw === 'string' && raw !== '' && senderSettingProblem(key, raw) === null
      ? raw
      : null;
  };
  return {
    senderName: value('senderName'),
    senderAddress: value('senderAddress'),
    noticeSubjectTemplate: value('noticeSubjectTemplate'),
    noticeBodyTemplate: value('noticeBodyTemplate'),
  };
}

/**
 * The From header for the configured sender: `"Name" <address>`, the address alone, or the
 * fallback (the deployment's MAIL_FROM) when no address is configured.
 */
export function senderFrom(
  settings: Pick<SenderSettings, 'senderName' | 'senderAddress'>,
  fallback: string,
): string | { name: string; address: string } {
  if (!settings.senderAddress) return fallback;
  return settings.senderName
    ? { name: settings.senderName, address: settings.senderAddress }
    : settings.senderAddress;
}
