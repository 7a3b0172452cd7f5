import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { MetricsModule } from './metrics.module';

async function serve(token?: string): Promise<{ app: INestApplication; url: string }> {
  const moduleRef = await Test.createTestingModule({
    imports: [MetricsModule.forService('metrics-spec', { token })],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}/metrics` };
}

describe('GET /metrics', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('serves the exposition format, labelled with the service, when no token is configured', async () => {
    const served = await serve();
    app = served.app;
    const response = await fetch(served.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(await response.text()).toContain('service="metrics-spec"');
  });

  it('answers only a scrape with the configured bearer token', async () => {
    const served = await serve('a-long-metrics-token-123');
    app = served.app;
    const without = await fetch(served.url);
    const wrong = await fetch(served.url, { headers: { authorization: 'Bearer nope' } });
    const basic = await fetch(served.url, { headers: { authorization: 'Basic YTpi' } });
    const right = await fetch(served.url, {
      headers: { authorization: 'Bearer a-long-metrics-token-123' },
    });
    expect([without.status, wrong.status, basic.status, right.status]).toEqual([401, 401, 401, 200]);
    expect(await without.text()).not.toContain('process_resident_memory_bytes');
    expect(await right.text()).toContain('process_resident_memory_bytes');
  });
});
