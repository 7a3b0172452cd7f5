/** Injection token of the process's MessageBus (Kafka or in-process). */
export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
