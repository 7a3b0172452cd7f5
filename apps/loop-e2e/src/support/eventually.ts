/** Retries an assertion until it holds or the time is up; the last failure is reported. */
export async function eventually(
  check: () => void | Promise<void>,
  timeoutMs = 30_000,
): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
