import { CrmRecordEventSchema } from './crm-record.event';
import { MAX_FEEDBACK_TEXT_LENGTH } from './inbound-event-fields';
import { SocialPostEventSchema } from './social-post.event';
import { StaffReportEventSchema } from './staff-report.event';

const base = {
  schemaVersion: 1,
  externalId: 'x-1',
  occurredAt: '2026-11-01T10:00:00+02:00',
} as const;

const social = {
  ...base,
  source: 'social',
  social: {
    platform: 'x',
    authorHandle: '@ada',
    url: 'https://x.example/ada/status/1',
    text: 'Your app lost my basket again',
    reach: { followers: 12000, likes: 40 },
    isPublic: true,
  },
};
const crm = {
  ...base,
  source: 'crm',
  customer: { externalId: 'contact-7', email: 'grace@example.com' },
  crm: {
    kind: 'churn_reason',
    accountId: 'acct-1',
    contactId: 'contact-7',
    text: 'Too expensive for what we use',
    account: { segment: 'SMB', plan: 'Pro', revenue: 1200 },
  },
};
const staff = {
  ...base,
  source: 'staff',
  staff: {
    employeeId: 'emp-3',
    team: 'Store Berlin',
    observation: 'Customers ask for paper receipts',
    promptId: '2b0c4f7e-8a43-4a55-9a4e-3f3b8c1d2e10',
  },
};

const firstIssue = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues[0];

describe('inbound event contracts', () => {
  it('accept well-formed social, CRM and staff events (staff may name no customer)', () => {
    expect(SocialPostEventSchema.safeParse(social).success).toBe(true);
    expect(CrmRecordEventSchema.safeParse(crm).success).toBe(true);
    expect(StaffReportEventSchema.safeParse(staff).success).toBe(true);
  });

  it('name the field that is wrong', () => {
    expect(
      firstIssue(
        SocialPostEventSchema.safeParse({
          ...social,
          social: { ...social.social, platform: 'myspace' },
        }),
      )?.path,
    ).toEqual(['social', 'platform']);
    expect(
      firstIssue(
        SocialPostEventSchema.safeParse({
          ...social,
          social: { ...social.social, reach: { followers: -1, likes: 0 } },
        }),
      )?.path,
    ).toEqual(['social', 'reach', 'followers']);
    expect(
      firstIssue(CrmRecordEventSchema.safeParse({ ...crm, crm: { ...crm.crm, kind: 'invoice' } }))
        ?.path,
    ).toEqual(['crm', 'kind']);
    expect(
      firstIssue(
        StaffReportEventSchema.safeParse({ ...staff, staff: { ...staff.staff, promptId: 'nope' } }),
      )?.path,
    ).toEqual(['staff', 'promptId']);
  });

  it('refuse a date before 1970, such as the year 0000 the ISO format allows (found by the fuzz test)', () => {
    for (const occurredAt of ['0000-01-01T00:00:00Z', '1969-12-31T23:59:59Z']) {
      const result = SocialPostEventSchema.safeParse({ ...social, occurredAt });
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        ['occurredAt', 'occurredAt must be 1970-01-01 or later'],
      ]);
    }
    expect(
      SocialPostEventSchema.safeParse({ ...social, occurredAt: '1970-01-01T00:00:00Z' }).success,
    ).toBe(true);
  });

  it('refuse text over the limit, saying so', () => {
    const long = 'x'.repeat(MAX_FEEDBACK_TEXT_LENGTH + 1);
    const issue = firstIssue(
      CrmRecordEventSchema.safeParse({ ...crm, crm: { ...crm.crm, text: long } }),
    );
    expect(issue?.path).toEqual(['crm', 'text']);
    expect(issue?.message).toBe(`text is longer than ${MAX_FEEDBACK_TEXT_LENGTH} characters`);
  });

  it('refuse a source that does not match the topic', () => {
    expect(firstIssue(CrmRecordEventSchema.safeParse({ ...crm, source: 'survey' }))?.path).toEqual([
      'source',
    ]);
  });
});
