import { npsOfCustomers } from './nps';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

describe('npsOfCustomers', () => {
  it('counts each customer once with their latest answer', () => {
    // a: 3 then 10 → promoter (latest); b: 9 → promoter; c: 8 → passive; d: 2 → detractor.
    // 4 customers: (2 promoters − 1 detractor) / 4 = 25.
    const result = npsOfCustomers([
      { customerId: 'a', score: 3, at: at(1) },
      { customerId: 'a', score: 10, at: at(5) },
      { customerId: 'b', score: 9, at: at(2) },
      { customerId: 'c', score: 8, at: at(2) },
      { customerId: 'd', score: 2, at: at(3) },
    ]);
    expect(result).toEqual({ nps: 25, customers: 4, promoters: 2, passives: 1, detractors: 1 });
  });

  it('is null without answers', () => {
    expect(npsOfCustomers([]).nps).toBeNull();
  });
});
