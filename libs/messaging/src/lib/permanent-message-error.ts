/**
 * Thrown by a handler when a message can never succeed (for example it refers to something
 * that does not exist): the message is dead-lettered at once instead of retried.
 */
export class PermanentMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentMessageError';
  }
}

/** Thrown by `publish` when a value does not satisfy its topic's schema. */
export class InvalidMessageError extends Error {
  constructor(
    readonly topic: string,
    readonly reason: string,
  ) {
    super(`Message for ${topic} is invalid: ${reason}`);
    this.name = 'InvalidMessageError';
  }
}
