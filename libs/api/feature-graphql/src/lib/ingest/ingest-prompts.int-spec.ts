import { INBOUND_TOPICS } from '@closedloop/contracts';
import { InMemoryMessageBus } from '@closedloop/messaging';
import { createTestDatabase, type TestDatabase } from '@closedloop/persistence/testing';
import { randomUUID } from 'node:crypto';
import { SubmissionStatus } from './ingest-enums';
import { IngestService } from './ingest.service';

/**
 * A staff report answering a research prompt, on real PostgreSQL: one naming a prompt that does
 * not exist is refused at the door, naming the field, instead of being accepted and then
 * dead-lettered by intake (found by the ingest fuzz test).
 */
describe('IngestService and research prompts', () => {
  let db: TestDatabase;
  let bus: InMemoryMessageBus;
  let service: IngestService;
  const key = { id: randomUUID(), name: 'it', prefix: 'cl_it', scopes: ['staff' as const] };
  const report = (externalId: string, promptId: string) => ({
    source: 'staff' as const,
    input: {
      externalId,
      occurredAt: '2026-11-01T10:00:00Z',
      employeeId: 'e-1',
      team: 'Support',
      observation: 'Customers ask for invoices in PDF',
      promptId,
    },
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    bus = new InMemoryMessageBus();
    await bus.ensureTopics(Object.values(INBOUND_TOPICS));
    service = new IngestService(bus, db.dataSource);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('accepts a report answering a prompt that exists, and refuses one naming an unknown prompt', async () => {
    const prompt = randomUUID();
    await db.dataSource.query(
      `INSERT INTO research_prompts (id, question, created_by) VALUES ($1, 'What do customers ask for?', 'it')`,
      [prompt],
    );
    const unknown = randomUUID();
    const results = await service.submit(
      [report('known', prompt.toUpperCase()), report('unknown', unknown)],
      key,
    );
    expect(results.map((r) => [r.status, r.field, r.reason])).toEqual([
      [SubmissionStatus.ACCEPTED, null, null],
      [SubmissionStatus.REJECTED, 'promptId', `no research prompt ${unknown}`],
    ]);
    expect(bus.messages(INBOUND_TOPICS.staff.name).map((m) => m.key)).toEqual(['staff:known']);
  });
});
