import { mkdir, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export interface MailTransport {
  /** Sends one message; resolves with the Message-ID once the server has accepted it. */
  send(message: SendMailOptions): Promise<{ messageId: string }>;
  close(): void;
}

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string;
  readonly password?: string;
  /** Keep up to this many SMTP connections open and reuse them (nodemailer pool); 0 or absent: one connection per message. */
  readonly maxConnections?: number;
}

/** Sends over SMTP with nodemailer. */
export function smtpTransport(config: SmtpConfig): MailTransport {
  const pooled = (config.maxConnections ?? 0) > 0;
  const transporter: Transporter = nodemailer.createTransport({
    ...(pooled
      ? {
          pool: true as const,
          maxConnections: config.maxConnections,
          maxMessages: 1_000,
          // A message whose connection closed mid-send may have been accepted: the pool must not
          // send it again on its own (its default), the notifier decides (mayHaveBeenAccepted).
          maxRequeues: 0,
        }
      : {}),
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    getSocket: (
      options: { host?: string; port?: number },
      callback: (error: Error | null, socket?: { connection: Socket }) => void,
    ) =>
      connectNoDelay(
        options.host ?? config.host,
        options.port ?? config.port,
        10_000,
        (error, socket) =>
          // When the connection fails, nodemailer is handed nothing and connects by itself, so it meets
          // the failure on its own path. An error passed back from here leaves the pool's connection
          // slot taken for good (nodemailer 7): once maxConnections have failed so, while the SMTP
          // server was away, every later send waits forever, even after the server is back.
          error ? callback(null) : callback(null, socket),
      ),
  });
  return {
    send: async (message) => {
      const info = await transporter.sendMail(message);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/**
 * Opens the TCP connection nodemailer then speaks SMTP (or STARTTLS / implicit TLS) over, with
 * Nagle's algorithm off. With it on, the last small write of each message (the "." that ends
 * DATA) waits for the ACK of the body, which the server delays by 40 ms because it has nothing to
 * say yet: every message cost about 45 ms per connection (bench:notices, docs/benchmarks.md).
 */
export function connectNoDelay(
  host: string,
  port: number,
  timeoutMs: number,
  callback: (error: Error | null, socket?: { connection: Socket }) => void,
): void {
  let settled = false;
  const socket = connect({ host, port, noDelay: true });
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    socket.setTimeout(0);
    socket.removeListener('error', settle);
    if (error) {
      socket.destroy();
      callback(error);
    } else callback(null, { connection: socket });
  };
  socket.once('error', settle);
  socket.setTimeout(timeoutMs, () =>
    settle(
      Object.assign(new Error(`connection to ${host}:${port} timed out`), { code: 'ETIMEDOUT' }),
    ),
  );
  socket.once('connect', () => settle(null));
}

/** The embedded mode's transport: each message is written as an .eml file to a mail folder. */
export function folderTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    send: async (message) => {
      const info = await transporter.sendMail(message);
      await mkdir(directory, { recursive: true });
      const safeId = info.messageId.replace(/[^A-Za-z0-9@._-]/g, '');
      await writeFile(join(directory, `${Date.now()}-${safeId}.eml`), info.message as Buffer);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** SMTP reply codes 5xx are permanent; anything else (4xx, connection trouble) is worth retrying. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Failures that happen before any message byte is sent: connecting, the greeting, TLS, login. */
const BEFORE_MESSAGE = /^(connect |getaddrinfo |Greeting never received)/;
const BEFORE_MESSAGE_CODES = new Set(['EDNS', 'EAUTH', 'ETLS', 'EENVELOPE', 'EMESSAGE']);

/**
 * Whether the SMTP server may have accepted a message although sending it failed. It has not when
 * it replied (a 4xx or 5xx reply refuses the message) or when the failure came before any byte of
 * the message left (no connection, no greeting, TLS or login refused, a bad envelope). A
 * connection lost or timed out during the session may have been lost after the server took the
 * message and before its reply reached us: nodemailer does not say which step it was in, so that
 * counts as maybe accepted, and the notifier does not send it again.
 */
export function mayHaveBeenAccepted(error: unknown): boolean {
  const failure = error as { responseCode?: unknown; code?: unknown; message?: unknown } | null;
  if (typeof failure?.responseCode === 'number') return false;
  if (typeof failure?.code === 'string' && BEFORE_MESSAGE_CODES.has(failure.code)) return false;
  return !(typeof failure?.message === 'string' && BEFORE_MESSAGE.test(failure.message));
}
