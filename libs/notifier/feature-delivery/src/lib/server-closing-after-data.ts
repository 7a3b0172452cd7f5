import { createServer, type AddressInfo } from 'node:net';

/**
 * A TCP server speaking just enough SMTP to take a whole message, then closing the connection
 * instead of replying to it: a message lost between the server's hands and its reply. Counts the
 * messages it took.
 */
export async function serverClosingAfterData(): Promise<{
  port: number;
  taken: () => number;
  close(): Promise<void>;
}> {
  let taken = 0;
  const server = createServer((socket) => {
    socket.write('220 closes-after-data\r\n');
    let buffer = '';
    let inData = false;
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      if (inData) {
        if (buffer.includes('\r\n.\r\n')) {
          taken++;
          socket.destroy();
        }
        return;
      }
      let end: number;
      while (!inData && (end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end).toUpperCase();
        buffer = buffer.slice(end + 2);
        if (line.startsWith('DATA')) {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (line.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    taken: () => taken,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
