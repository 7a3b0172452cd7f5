import { deadConsumers, healthReport } from './health-report';

const joined = { groupId: 'closedloop.intake', joined: true, failed: null };

describe('healthReport', () => {
  it('is ok when the database answers and every consumer has joined', () => {
    expect(healthReport(true, [joined])).toEqual({
      status: 'ok',
      database: 'up',
      consumers: [joined],
      problems: [],
    });
    expect(healthReport(true, []).status).toBe('ok');
  });

  it('names each problem: the database, a consumer joining, a consumer gone for good', () => {
    const report = healthReport(false, [
      joined,
      { groupId: 'closedloop.theming', joined: false, failed: null },
      { groupId: 'closedloop.notifier', joined: false, failed: 'Broker not found' },
    ]);
    expect(report.status).toBe('unavailable');
    expect(report.database).toBe('down');
    expect(report.problems).toEqual([
      'the database does not answer',
      'consumer closedloop.notifier stopped for good: Broker not found',
      'consumer closedloop.theming has not joined its group',
    ]);
  });
});

describe('deadConsumers', () => {
  it('lists only consumers that stopped for good', () => {
    expect(
      deadConsumers([
        joined,
        { groupId: 'a', joined: false, failed: null },
        { groupId: 'b', joined: false, failed: 'crashed' },
      ]),
    ).toEqual(['consumer b stopped for good: crashed']);
  });
});
