/** Demo survey responses for the embedded mode: praise as well as complaints, in customers' own words. */
export interface DemoResponse {
  readonly name: string;
  readonly email: string;
  readonly metric: 'NPS' | 'CSAT' | 'CES';
  readonly score: number;
  readonly comment: string;
  readonly daysAgo: number;
}

export const DEMO_RESPONSES: readonly DemoResponse[] = [
  {
    name: 'Maya Chen',
    email: 'maya.chen@example.com',
    metric: 'NPS',
    score: 3,
    comment: 'Checkout keeps timing out when I pay by card. Third time this week.',
    daysAgo: 20,
  },
  {
    name: 'Tom Okafor',
    email: 'tom.okafor@example.com',
    metric: 'NPS',
    score: 4,
    comment: 'Paying took forever, the card page just spins.',
    daysAgo: 18,
  },
  {
    name: 'Lena Fischer',
    email: 'lena.fischer@example.com',
    metric: 'CSAT',
    score: 2,
    comment: 'The payment step froze and I was charged twice.',
    daysAgo: 16,
  },
  {
    name: 'Ravi Patel',
    email: 'ravi.patel@example.com',
    metric: 'NPS',
    score: 10,
    comment: 'Support sorted my refund in ten minutes. Brilliant people.',
    daysAgo: 15,
  },
  {
    name: 'Sofia Rossi',
    email: 'sofia.rossi@example.com',
    metric: 'CES',
    score: 2,
    comment: 'Hard to find where to change my delivery address.',
    daysAgo: 14,
  },
  {
    name: 'James Walker',
    email: 'james.walker@example.com',
    metric: 'NPS',
    score: 9,
    comment: 'Love the new app design, much faster to reorder.',
    daysAgo: 12,
  },
  {
    name: 'Aisha Khan',
    email: 'aisha.khan@example.com',
    metric: 'CSAT',
    score: 1,
    comment: 'Checkout failed twice before my order went through.',
    daysAgo: 10,
  },
  {
    name: 'Noah Schmidt',
    email: 'noah.schmidt@example.com',
    metric: 'NPS',
    score: 6,
    comment: 'Delivery was late and nobody told me why.',
    daysAgo: 9,
  },
  {
    name: 'Emma Dubois',
    email: 'emma.dubois@example.com',
    metric: 'NPS',
    score: 8,
    comment: 'Good prices, but the tracking page is confusing.',
    daysAgo: 7,
  },
  {
    name: 'Lucas Silva',
    email: 'lucas.silva@example.com',
    metric: 'CES',
    score: 6,
    comment: 'Returning an item was easy, label printed in seconds.',
    daysAgo: 5,
  },
  {
    name: 'Hannah Berg',
    email: 'hannah.berg@example.com',
    metric: 'NPS',
    score: 2,
    comment: 'Card payment error again, I gave up and used another shop.',
    daysAgo: 3,
  },
  {
    name: 'Omar Haddad',
    email: 'omar.haddad@example.com',
    metric: 'CSAT',
    score: 5,
    comment: 'The chat agent was patient and actually fixed my problem.',
    daysAgo: 1,
  },
];
