import { AsyncLocalStorage } from 'node:async_hooks';

/** What the code running now works for: the correlation id of the request or message that started it. */
export interface CorrelationScope {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationScope>();

/** The longest correlation id taken from outside (a header of a request or a message). */
export const MAX_CORRELATION_ID_LENGTH = 100;

const SANE_CORRELATION_ID = /^[A-Za-z0-9._:-]+$/;

/**
 * The value if it can serve as a correlation id taken from outside: 1 to 100 characters of
 * letters, digits and `. _ : -`, so it cannot forge log lines or carry data; otherwise null.
 */
export function saneCorrelationId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (value.length === 0 || value.length > MAX_CORRELATION_ID_LENGTH) return null;
  return SANE_CORRELATION_ID.test(value) ? value : null;
}

/**
 * Runs `fn` with `correlationId` as the current correlation id (for its awaits too). With no id
 * it runs `fn` outside any correlation scope, so an id of an earlier request does not leak into it.
 */
export function runWithCorrelationId<T>(correlationId: string | null | undefined, fn: () => T): T {
  if (!correlationId) return storage.exit(fn);
  return storage.run({ correlationId }, fn);
}

/** The correlation scope of the code running now, if any. */
export function currentCorrelationScope(): CorrelationScope | undefined {
  return storage.getStore();
}

/** The correlation id of the code running now, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
