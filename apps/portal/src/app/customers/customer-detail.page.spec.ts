import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { Observable, of } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { CustomersApi, type CustomerDetail } from '../data/customers-api';
import { CustomerDetailPage } from './customer-detail.page';
import { EraseCustomerDialog } from './erase-customer.dialog';

const customer = (erased = false): CustomerDetail => ({
  id: 'c1',
  name: erased ? null : 'Maya Chen',
  email: erased ? null : 'maya@example.com',
  unsubscribedAt: null,
  feedbackCount: 2,
  identities: erased ? [] : [{ source: 'social:x', externalId: '@maya' }],
  feedback: {
    edges: [
      {
        node: {
          id: 'f2',
          receivedAt: '2026-11-02T10:00:00Z',
          occurredAt: '2026-11-02T10:00:00Z',
          source: 'social',
          metric: null,
          score: null,
          scoreBand: null,
          text: erased ? null : '<b>still slow</b>',
          journeyStage: null,
          sentimentLabel: 'negative',
          themeId: null,
          customer: { id: 'c1', name: null, email: null, unsubscribedAt: null },
        },
      },
      {
        node: {
          id: 'f1',
          receivedAt: '2026-11-01T10:00:00Z',
          occurredAt: '2026-11-01T10:00:00Z',
          source: 'survey',
          metric: 'NPS',
          score: 3,
          scoreBand: 'detractor',
          text: erased ? null : 'checkout is slow',
          journeyStage: null,
          sentimentLabel: 'negative',
          themeId: null,
          customer: { id: 'c1', name: null, email: null, unsubscribedAt: null },
        },
      },
    ],
    pageInfo: { hasNextPage: false, endCursor: null },
    totalCount: 2,
  },
  notices: [
    {
      id: 'n1',
      actionId: 'a1',
      actionTitle: 'Faster checkout',
      status: 'SENT',
      subject: 'We made checkout faster',
      createdAt: '2026-11-03T10:00:00Z',
      sentAt: '2026-11-03T10:00:05Z',
      reason: null,
    },
  ],
});

describe('CustomerDetailPage', () => {
  async function render(admin: boolean, erase: () => Observable<unknown> = () => of({})) {
    let erased = false;
    const erasures: string[] = [];
    TestBed.configureTestingModule({
      imports: [CustomerDetailPage],
      providers: [
        provideRouter([]),
        { provide: SessionStore, useValue: { isAdmin: signal(admin) } },
        {
          provide: CustomersApi,
          useValue: {
            get: () => of(customer(erased)),
            erase: (id: string) => {
              erasures.push(id);
              erased = true;
              return erase();
            },
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(CustomerDetailPage);
    fixture.componentRef.setInput('id', 'c1');
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, erasures };
  }

  it('shows the customer across sources, their notices, as text', async () => {
    const { element } = await render(false);
    expect(element.querySelector('h1')?.textContent).toContain('Maya Chen');
    expect(element.textContent).toContain('through Social, Survey');
    expect(element.textContent).toContain('social:x: @maya');
    const comments = Array.from(element.querySelectorAll('td.mat-column-comment')).map((td) =>
      td.textContent?.trim(),
    );
    expect(comments).toEqual(['<b>still slow</b>', 'checkout is slow']);
    expect(element.querySelector('td.mat-column-comment b')).toBeNull();
    expect(element.querySelector('td.mat-column-customer')).toBeNull();
    const notice = element.querySelector(
      'table[aria-label="Change notices to this customer"] tbody tr',
    );
    expect(notice?.textContent).toContain('Faster checkout');
    expect(notice?.textContent).toContain('Sent');
    expect(notice?.querySelector('a')?.getAttribute('href')).toBe('/actions/a1');
    expect(element.textContent).not.toContain('Erase customer…');
  });

  it('erases only after the admin typed the customer’s email', async () => {
    const { fixture, element, erasures } = await render(true);
    (
      Array.from(element.querySelectorAll('button')).find((b) =>
        b.textContent?.includes('Erase customer…'),
      ) as HTMLButtonElement
    ).click();
    await fixture.whenStable();
    const dialog = document.querySelector('cl-erase-customer-dialog') as HTMLElement;
    const confirm = Array.from(dialog.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Erase customer'),
    ) as HTMLButtonElement;
    const input = dialog.querySelector('input') as HTMLInputElement;
    input.value = 'someone@else.example';
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(confirm.disabled).toBe(true);
    input.value = ' MAYA@example.com ';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    TestBed.inject(MatDialog)
      .openDialogs.find((d) => d.componentInstance instanceof EraseCustomerDialog)
      ?.componentRef?.changeDetectorRef.detectChanges();
    expect(confirm.disabled).toBe(false);
    confirm.click();
    await new Promise((r) => setTimeout(r, 200));
    await fixture.whenStable();
    expect(erasures).toEqual(['c1']);
    expect(element.querySelector('h1')?.textContent).toContain('Anonymous');
  });
});
