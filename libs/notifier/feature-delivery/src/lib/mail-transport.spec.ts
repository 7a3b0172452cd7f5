import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import {
  connectNoDelay,
  folderTransport,
  isPermanentSmtpFailure,
  mayHaveBeenAccepted,
  smtpTransport,
} from './mail-transport';
import { serverClosingAfterData } from './server-closing-after-data';

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('sent');
    },
    (error: unknown) => error,
  );

const message = { from: 'loop@closedloop.local', to: 'ada@example.com', subject: 'S', text: 'T' };

describe('mayHaveBeenAccepted', () => {
  it('is false when the server replied or nothing of the message left', () => {
    expect(mayHaveBeenAccepted({ responseCode: 451 })).toBe(false);
    expect(mayHaveBeenAccepted({ responseCode: 554 })).toBe(false);
    expect(mayHaveBeenAccepted({ code: 'EAUTH', message: 'Invalid login' })).toBe(false);
    expect(mayHaveBeenAccepted({ code: 'ETIMEDOUT', message: 'Greeting never received' })).toBe(
      false,
    );
  });

  it('is false for a refused connection, true for one closed after the whole message went (real sockets)', async () => {
    const refused = smtpTransport({ host: '127.0.0.1', port: 1, secure: false, maxConnections: 1 });
    const refusal = await failureOf(refused.send(message));
    refused.close();
    expect(mayHaveBeenAccepted(refusal)).toBe(false);

    const server = await serverClosingAfterData();
    const pooled = smtpTransport({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      maxConnections: 1,
    });
    try {
      const lost = await failureOf(pooled.send(message));
      expect(mayHaveBeenAccepted(lost)).toBe(true);
      // The pool did not send it again by itself on a new connection.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(server.taken()).toBe(1);
    } finally {
      pooled.close();
      await server.close();
    }
  });
});

describe('isPermanentSmtpFailure', () => {
  it('treats 5xx replies as permanent and everything else as temporary', () => {
    expect(isPermanentSmtpFailure({ responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpFailure(new Error('connect ECONNREFUSED'))).toBe(false);
    expect(isPermanentSmtpFailure(null)).toBe(false);
  });
});

describe('folderTransport', () => {
  it('writes each message as an .eml file with its headers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mail-'));
    const transport = folderTransport(dir);
    const { messageId } = await transport.send({
      from: 'loop@closedloop.local',
      to: 'ada@example.com',
      subject: 'We fixed it',
      text: 'Hello',
      messageId: '<notice-1@closedloop.local>',
      headers: { 'List-Unsubscribe': '<http://localhost/unsubscribe/x>' },
    });
    transport.close();
    expect(messageId).toBe('<notice-1@closedloop.local>');
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const eml = await readFile(join(dir, files[0] ?? ''), 'utf8');
    expect(eml).toContain('Subject: We fixed it');
    expect(eml).toContain('List-Unsubscribe: <http://localhost/unsubscribe/x>');
  });
});

describe('connectNoDelay', () => {
  it('hands over a connected socket, or the connection error', async () => {
    const server = createServer((socket) => socket.on('error', () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const connected = await new Promise<Socket>((resolve, reject) =>
      connectNoDelay('127.0.0.1', port, 5_000, (error, result) =>
        error || !result ? reject(error) : resolve(result.connection),
      ),
    );
    expect(connected.remotePort).toBe(port);
    connected.on('error', () => undefined);
    connected.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const refused = await new Promise<Error | null>((resolve) =>
      connectNoDelay('127.0.0.1', port, 5_000, (error) => resolve(error)),
    );
    expect(refused?.message).toMatch(/ECONNREFUSED/);
  });
});

describe('smtpTransport with a pool of connections', () => {
  const message = (n: number) => ({
    from: 'loop@closedloop.local',
    to: `customer-${n}@example.com`,
    subject: 'We fixed it',
    text: 'Hello',
  });

  it('sends again once the SMTP server is back, after more refused connections than it has slots', async () => {
    // A port nobody listens on, for now.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const transport = smtpTransport({ host: '127.0.0.1', port, secure: false, maxConnections: 2 });
    for (let n = 0; n < 4; n++) {
      await expect(transport.send(message(n))).rejects.toThrow(/ECONNREFUSED/);
    }

    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      // Before the fix the pool's slots stayed taken by the refused connections: this waited forever.
      const sent = await Promise.race([
        transport.send(message(9)),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('the send did not finish in 5 s')), 5_000),
        ),
      ]);
      expect(sent.messageId).toBeTruthy();
      expect(received).toEqual(['customer-9@example.com']);
    } finally {
      transport.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
