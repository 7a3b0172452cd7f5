import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { connectNoDelay, folderTransport, isPermanentSmtpFailure } from './mail-transport';

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
