import { runWithCorrelationId } from '@closedloop/messaging';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { correlationMiddleware } from './correlation.middleware';
import { logSettingsFrom, pinoHttpOptions } from './log-options';

/** A pino-http logger writing to memory, and its lines parsed. */
function capture(settings = logSettingsFrom({})) {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const http = pinoHttp(pinoHttpOptions('test-service', settings), stream);
  return { http, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('logSettingsFrom', () => {
  it('defaults to info and JSON', () => {
    expect(logSettingsFrom({})).toEqual({ level: 'info', format: 'json' });
  });

  it('takes LOG_LEVEL and LOG_FORMAT', () => {
    expect(logSettingsFrom({ LOG_LEVEL: 'DEBUG', LOG_FORMAT: 'pretty' })).toEqual({
      level: 'debug',
      format: 'pretty',
    });
  });

  it('refuses an unknown level or format, naming it', () => {
    expect(() => logSettingsFrom({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of');
    expect(() => logSettingsFrom({ LOG_FORMAT: 'xml' })).toThrow(
      'LOG_FORMAT must be json or pretty',
    );
  });
});

describe('structured logs', () => {
  it('writes one JSON line per entry with level, time, service, message and the correlation id in scope', () => {
    const { http, lines } = capture();
    http.logger.info({ context: 'Test' }, 'outside');
    runWithCorrelationId('c-42', () => http.logger.warn({ context: 'Test' }, 'inside'));
    const [outside, inside] = lines();
    expect(outside).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'test-service',
      context: 'Test',
      message: 'outside',
    });
    expect(inside).toEqual(
      expect.objectContaining({ level: 'warn', message: 'inside', correlationId: 'c-42' }),
    );
  });

  it('leaves out entries below LOG_LEVEL', () => {
    const { http, lines } = capture(logSettingsFrom({ LOG_LEVEL: 'warn' }));
    http.logger.info('dropped');
    http.logger.error('kept');
    expect(lines().map((l) => l['message'])).toEqual(['kept']);
  });

  it('redacts passwords, tokens, API keys, secrets and GraphQL variables wherever they are named', () => {
    const { http, raw } = capture();
    http.logger.info(
      {
        password: 'hunter2-password',
        token: 'session-token-1',
        apiKey: 'clk_key_1',
        secret: 'unsubscribe-secret-1',
        variables: { email: 'ada@example.com' },
        body: { password: 'nested-password', token: 'nested-token', variables: { q: 'x' } },
      },
      'attempt',
    );
    const line = raw.join('\n');
    for (const secret of [
      'hunter2-password',
      'session-token-1',
      'clk_key_1',
      'unsubscribe-secret-1',
      'ada@example.com',
      'nested-password',
      'nested-token',
    ])
      expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });

  it('keeps only type, message, code and stack of an error, never its query parameters', () => {
    const { http, raw } = capture();
    const error = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      parameters: ['ada@example.com', 'my feedback text'],
      detail: 'Key (email)=(ada@example.com) already exists.',
    });
    http.logger.error({ err: error }, 'insert failed');
    const [line] = raw;
    expect(line).toContain('duplicate key value');
    expect(line).toContain('23505');
    expect(line).not.toContain('ada@example.com');
    expect(line).not.toContain('my feedback text');
  });
});

describe('HTTP requests', () => {
  let server: Server;
  let url: string;
  let captured: ReturnType<typeof capture>;

  beforeEach(async () => {
    captured = capture();
    const { http } = captured;
    server = createServer((req, res) => {
      correlationMiddleware(req, res, () =>
        http(req, res, () => {
          req.log.info('handling');
          // A log made elsewhere (no request logger at hand) in the same request.
          http.logger.info('elsewhere');
          res.end('ok');
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const settle = () => new Promise((r) => setTimeout(r, 20));

  it("takes the caller's sane x-correlation-id, answers with it and logs every line of the request under it once", async () => {
    const response = await fetch(`${url}/graphql?token=abc`, {
      method: 'POST',
      headers: {
        'x-correlation-id': 'journey-7.a',
        authorization: 'Bearer session-secret',
        cookie: 'sid=cookie-secret',
        'x-api-key': 'clk_header_key',
      },
      body: '{"query":"mutation { signIn(password: \\"pw\\") }"}',
    });
    expect(response.headers.get('x-correlation-id')).toBe('journey-7.a');
    await settle();
    const lines = captured.lines();
    expect(lines.map((l) => [l['message'], l['correlationId']])).toEqual([
      ['handling', 'journey-7.a'],
      ['elsewhere', 'journey-7.a'],
      ['request completed', 'journey-7.a'],
    ]);
    for (const line of captured.raw) expect(line.match(/"correlationId"/g)).toHaveLength(1);
    const done = lines[2] ?? {};
    expect(done['req']).toEqual({ method: 'POST', url: '/graphql' });
    expect(done['res']).toEqual({ statusCode: 200 });
    const all = captured.raw.join('\n');
    for (const secret of ['session-secret', 'cookie-secret', 'clk_header_key', 'token=abc', 'pw'])
      expect(all).not.toContain(secret);
  });

  it('makes a UUID when the caller sends none or an unsafe one', async () => {
    const none = await fetch(url);
    const unsafe = await fetch(url, { headers: { 'x-correlation-id': 'a"b' } });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(none.headers.get('x-correlation-id')).toMatch(uuid);
    expect(unsafe.headers.get('x-correlation-id')).toMatch(uuid);
    expect(none.headers.get('x-correlation-id')).not.toBe(unsafe.headers.get('x-correlation-id'));
  });

  it('masks the token of an unsubscribe link', async () => {
    await fetch(`${url}/unsubscribe/signed-token-123`);
    await settle();
    const done = captured.lines().find((l) => l['message'] === 'request completed');
    expect(done?.['req']).toEqual({ method: 'GET', url: '/unsubscribe/[redacted]' });
    expect(captured.raw.join('\n')).not.toContain('signed-token-123');
  });
});
