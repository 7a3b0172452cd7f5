import { mkdir, writeFile } from 'node:fs/promises';
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
    ...(pooled ? { pool: true as const, maxConnections: config.maxConnections, maxMessages: 1_000 } : {}),
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (message) => {
      const info = await transporter.sendMail(message);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/** The embedded mode's transport: each message is written as an .eml file to a mail folder. */
export function folderTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
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
