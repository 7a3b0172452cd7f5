/** A domain rule of actions was broken; `code` is what the API reports. */
export class ActionRuleError extends Error {
  constructor(
    readonly code: 'ILLEGAL_TRANSITION' | 'DECLINE_REASON_REQUIRED' | 'NOTHING_TO_ANNOUNCE',
    message: string,
    /** What the API adds to the error's extensions (e.g. from, to, allowed). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ActionRuleError';
  }
}
