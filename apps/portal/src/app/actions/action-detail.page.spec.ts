import { signal } from '@angular/core';
import { SessionStore } from '../auth/session.store';
import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NEVER, Observable, of, Subject, throwError } from 'rxjs';
import { ActionsApi } from '../data/actions-api';
import { LiveApi } from '../data/live-api';
import { SettingsApi } from '../data/settings-api';
import type { ActionDetailFragment } from '../graphql/generated';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { ActionDetailPage } from './action-detail.page';

type Notice = ActionDetailFragment['notices'][number];

function notice(id: string, status: Notice['status']): Notice {
  return {
    id,
    status,
    sentAt: status === 'SENT' ? '2026-01-02T10:00:00Z' : null,
    messageId: status === 'SENT' ? `<notice-${id}@closedloop.local>` : null,
    attempts: status === 'SENT' ? 1 : 0,
    lastError: null,
    subject: status === 'SENT' ? 'We fixed card payments' : null,
    textBody: status === 'SENT' ? 'Hello, we fixed card payments.' : null,
    customer: { id: `c-${id}`, name: `Customer ${id}`, email: `${id}@example.com` },
  };
}

function action(overrides: Partial<ActionDetailFragment> = {}): ActionDetailFragment {
  const notices = overrides.notices ?? [];
  const count = (s: Notice['status'][]) => notices.filter((n) => s.includes(n.status)).length;
  return {
    id: 'a1',
    title: 'Fix card payments',
    owner: { id: 'u1', name: 'Priya', email: 'priya@example.com' },
    legacyOwner: null,
    status: 'ANNOUNCED',
    createdAt: '2026-01-01T10:00:00Z',
    shippedAt: '2026-01-02T09:00:00Z',
    announcedAt: '2026-01-02T09:30:00Z',
    description: 'Move the payment call off the request thread.',
    declineReason: null,
    feedback: [],
    history: [],
    themes: [{ id: 't1', label: 'Card payments fail' }],
    comments: [
      {
        id: 'k1',
        author: 'Priya',
        body: '<b>shipped</b> behind a flag',
        createdAt: '2026-01-02T09:10:00Z',
      },
    ],
    notices,
    noticeSummary: {
      sent: count(['SENT']),
      pending: count(['REQUESTED', 'SENDING']),
      failed: count(['FAILED']),
      suppressed: count(['SUPPRESSED']),
      total: notices.length,
    },
    ...overrides,
  };
}

function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(check, 5);
    };
    check();
  });
}

describe('ActionDetailPage', () => {
  let responses: Array<() => Observable<ActionDetailFragment | null>>;
  let calls: number;
  let deliveries: Subject<unknown>;
  let liveCalls: string[];
  /** What the API answers for the counts: those of the next action answer. */
  const nextSummary = () => {
    let answer: ActionDetailFragment | null = null;
    responses[Math.min(calls, responses.length - 1)]().subscribe((a) => (answer = a));
    const summary = (answer as ActionDetailFragment | null)?.noticeSummary;
    return summary ? { ...summary, delivered: summary.sent } : null;
  };

  let canChange: boolean;
  beforeEach(() => {
    canChange = true;
  });

  async function render() {
    TestBed.configureTestingModule({
      imports: [ActionDetailPage],
      providers: [
        provideRouter([]),
        { provide: SessionStore, useValue: { canChange: signal(canChange) } },
        provideHttpClient(),
        {
          provide: SettingsApi,
          useValue: {
            sender: () =>
              of({
                senderName: null,
                senderAddress: null,
                noticeSubjectTemplate: 'Configured: {{change}}',
                noticeBodyTemplate: null,
                updatedAt: null,
                updatedBy: null,
              }),
          },
        },
        {
          provide: LiveApi,
          useValue: {
            noticeDeliveries: (id: string) => (liveCalls.push(id), deliveries),
            deliveryCounts: () => of(nextSummary()),
            actionStatusChanges: () => NEVER,
          },
        },
        {
          provide: ActionsApi,
          useValue: {
            get: () => {
              const next = responses[Math.min(calls, responses.length - 1)];
              calls++;
              return next();
            },
            impact: () => of(null),
            preview: () =>
              of({ size: 2, excluded: [{ reason: 'UNSUBSCRIBED', count: 1 }], sample: null }),
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(ActionDetailPage);
    fixture.componentRef.setInput('id', 'a1');
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  beforeEach(() => {
    calls = 0;
    deliveries = new Subject();
    liveCalls = [];
  });

  it('follows delivery live while notices are pending, and stops once all are delivered', async () => {
    responses = [
      () => of(action({ notices: [notice('n1', 'REQUESTED'), notice('n2', 'REQUESTED')] })),
      () => of(action({ notices: [notice('n1', 'SENT'), notice('n2', 'SENDING')] })),
      () => of(action({ notices: [notice('n1', 'SENT'), notice('n2', 'SENT')] })),
    ];
    const { fixture, element } = await render();
    const text = (id: string) =>
      element.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
    await until(() => {
      fixture.detectChanges();
      return text('delivery-state').startsWith('Delivering: 1 of 2 delivered, 1 pending');
    });
    expect(liveCalls).toEqual(['a1']);
    expect(text('count-pending')).toBe('1');

    deliveries.next({ noticeId: 'n2', status: 'SENT' });
    await until(() => {
      fixture.detectChanges();
      return text('notice-summary').includes('2 of 2 sent');
    });
    await fixture.whenStable();
    expect(text('delivery-state')).toBe('All 2 delivered');
    expect(text('count-delivered')).toBe('2');
    const statuses = Array.from(element.querySelectorAll('td.mat-column-status cl-chip')).map((c) =>
      c.textContent?.trim(),
    );
    expect(statuses).toEqual(['✓Sent', '✓Sent']);
    expect(deliveries.observed).toBe(false);
    const loads = calls;
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(loads);
  });

  it('does not follow delivery when nothing is pending', async () => {
    responses = [() => of(action({ notices: [notice('n1', 'SENT')] }))];
    const { element } = await render();
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(1);
    expect(liveCalls).toEqual([]);
    expect(element.querySelector('[data-testid="delivery-state"]')?.textContent).toContain(
      'All 1 delivered',
    );
  });

  it('offers the legal next statuses of a proposed action', async () => {
    responses = [() => of(action({ status: 'PROPOSED', shippedAt: null, announcedAt: null }))];
    const { element } = await render();
    const buttons = Array.from(element.querySelectorAll('[aria-label="Change status"] button')).map(
      (b) => b.textContent?.trim(),
    );
    expect(buttons).toEqual(['Move to Planned', 'Move to In progress', 'Decline…']);
    expect(element.querySelector('cl-announce-form')).toBeNull();
  });

  it('shows a viewer the action without the controls that change it', async () => {
    canChange = false;
    responses = [() => of(action({ status: 'SHIPPED', announcedAt: null }))];
    const { element } = await render();
    expect(element.querySelector('cl-announce-form')).toBeNull();
    expect(element.querySelector('[aria-label="Change status"]')).toBeNull();
    expect(element.textContent).toContain('A CX lead can announce it.');
    // Viewers read the discussion but cannot add to it.
    expect(element.querySelectorAll('[data-testid="action-comment"]')).toHaveLength(1);
    expect(element.querySelector('cl-action-comments textarea')).toBeNull();
  });

  it('shows the announce form for a shipped action', async () => {
    responses = [() => of(action({ status: 'SHIPPED', announcedAt: null }))];
    const { element } = await render();
    expect(element.querySelector('cl-announce-form')).not.toBeNull();
    // The admins' default subject from Settings; the built-in body where none is set.
    const subject = element.querySelector(
      'cl-announce-form input[formcontrolname="subject"]',
    ) as HTMLInputElement;
    expect(subject.value).toBe('Configured: {{change}}');
    expect(
      (element.querySelector('cl-announce-form textarea') as HTMLTextAreaElement).value,
    ).toContain('Hi {{firstName}},');
    expect(element.querySelector('[aria-label="Change status"]')).toBeNull();
  });

  it('renders customer text as text, never as markup', async () => {
    responses = [() => of(action({ description: '<img src=x onerror="alert(1)">Hi' }))];
    const { element } = await render();
    expect(element.querySelector('img')).toBeNull();
    expect(element.textContent).toContain('<img src=x onerror="alert(1)">Hi');
    const comment = element.querySelector('[data-testid="action-comment"]') as HTMLElement;
    expect(comment.querySelector('b')).toBeNull();
    expect(comment.textContent).toContain('<b>shipped</b> behind a flag');
  });

  it('says the impact comes once the action has shipped, and lets a CX lead comment', async () => {
    responses = [() => of(action({ status: 'PLANNED', shippedAt: null, announcedAt: null }))];
    const { element } = await render();
    expect(element.querySelector('[data-testid="action-themes"] a')?.textContent).toBe(
      'Card payments fail',
    );
    expect(element.querySelector('[data-testid="impact-pending"]')?.textContent).toContain(
      'once the action has shipped',
    );
    expect(element.querySelector('cl-action-comments textarea')).not.toBeNull();
  });

  it('says so when there is no such action', async () => {
    responses = [() => of(null)];
    const { element } = await render();
    expect(element.textContent).toContain('There is no such action.');
  });

  it('shows the API error and its code', async () => {
    responses = [
      () =>
        throwError(
          () =>
            new GraphqlRequestError(
              'graphql',
              [{ message: 'No action with id a1', code: 'NOT_FOUND', field: 'actionId' }],
              200,
              'Action',
            ),
        ),
    ];
    const { element } = await render();
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('No action with id a1');
    expect(alert?.textContent).toContain('NOT_FOUND');
  });
});
