import { TestBed } from '@angular/core/testing';
import { map, Observable, of, throwError } from 'rxjs';
import { FeedbackApi, type FeedbackPage } from '../data/feedback-api';
import type { FeedbackRowFragment } from '../graphql/generated';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { FeedbackListPage } from './feedback-list.page';

const row = (
  id: string,
  receivedAt: string,
  text: string | null,
  name: string | null = 'Maya Chen',
): FeedbackRowFragment => ({
  id,
  receivedAt,
  occurredAt: receivedAt,
  source: 'survey',
  metric: 'NPS',
  score: 3,
  scoreBand: 'detractor',
  text,
  customer: name ? { id: `c-${id}`, name, email: `${id}@example.com`, unsubscribedAt: null } : null,
});

describe('FeedbackListPage', () => {
  async function render(list: () => Observable<readonly FeedbackRowFragment[]>) {
    const requested: number[] = [];
    const page = (first: number): Observable<FeedbackPage> => {
      requested.push(first);
      return list().pipe(map((rows) => ({ rows, hasNextPage: false, endCursor: null })));
    };
    TestBed.configureTestingModule({
      imports: [FeedbackListPage],
      providers: [{ provide: FeedbackApi, useValue: { page } }],
    });
    const fixture = TestBed.createComponent(FeedbackListPage);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement, requested };
  }

  const bodyRows = (element: HTMLElement) =>
    Array.from(element.querySelectorAll('tbody tr')).map((tr) =>
      tr.querySelector('td.mat-column-comment')?.textContent?.trim(),
    );

  it('lists feedback newest first, with customer, score chip and comment', async () => {
    const { element, requested } = await render(() =>
      of([
        row('old', '2026-01-01T10:00:00Z', 'older'),
        row('new', '2026-01-03T10:00:00Z', 'newest'),
        row('mid', '2026-01-02T10:00:00Z', null, null),
      ]),
    );
    expect(requested).toEqual([100]);
    expect(bodyRows(element)).toEqual(['newest', 'No comment', 'older']);
    const first = element.querySelector('tbody tr');
    expect(first?.querySelector('td.mat-column-customer')?.textContent).toContain('Maya Chen');
    expect(first?.querySelector('td.mat-column-score cl-chip')?.textContent).toContain(
      'NPS 3 · Detractor',
    );
    expect(element.querySelectorAll('tbody tr')[1]?.textContent).toContain('Anonymous');
  });

  it('filters the rows by text', async () => {
    const { fixture, element } = await render(() =>
      of([
        row('a', '2026-01-01T10:00:00Z', 'card payment failed'),
        row('b', '2026-01-02T10:00:00Z', 'lovely app', 'Ravi Patel'),
      ]),
    );
    const input = element.querySelector('input[type="search"]') as HTMLInputElement;
    input.value = 'ravi';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(bodyRows(element)).toEqual(['lovely app']);
  });

  it('shows an empty state', async () => {
    const { element } = await render(() => of([]));
    expect(element.querySelector('[data-testid="feedback-empty"]')?.textContent).toContain(
      'No feedback yet.',
    );
    expect(element.querySelector('table')).toBeNull();
  });

  it('shows the error with a retry that loads again', async () => {
    let fail = true;
    const { fixture, element } = await render(() =>
      fail
        ? throwError(
            () =>
              new GraphqlRequestError(
                'graphql',
                [
                  {
                    message: 'first must be between 1 and 500',
                    code: 'BAD_USER_INPUT',
                    field: 'first',
                  },
                ],
                200,
                'FeedbackList',
              ),
          )
        : of([row('a', '2026-01-01T10:00:00Z', 'back again')]),
    );
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('first must be between 1 and 500');
    expect(alert?.textContent).toContain('BAD_USER_INPUT');
    fail = false;
    (alert?.querySelector('button') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(bodyRows(element)).toEqual(['back again']);
  });

  it('loads the next page after the last cursor and keeps the earlier rows', async () => {
    const afters: (string | null)[] = [];
    const pages: Record<string, FeedbackPage> = {
      first: {
        rows: [row('b', '2026-01-02T10:00:00Z', 'second')],
        hasNextPage: true,
        endCursor: 'cur-1',
      },
      'cur-1': {
        rows: [row('a', '2026-01-01T10:00:00Z', 'first')],
        hasNextPage: false,
        endCursor: 'cur-2',
      },
    };
    TestBed.configureTestingModule({
      imports: [FeedbackListPage],
      providers: [
        {
          provide: FeedbackApi,
          useValue: {
            page: (_first: number, after: string | null) => (
              afters.push(after),
              of(pages[after ?? 'first'] as FeedbackPage)
            ),
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(FeedbackListPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const more = Array.from(element.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Load more'),
    ) as HTMLButtonElement;
    more.click();
    await fixture.whenStable();
    expect(afters).toEqual([null, 'cur-1']);
    expect(bodyRows(element)).toEqual(['second', 'first']);
    expect(
      Array.from(element.querySelectorAll('button')).some((b) =>
        b.textContent?.includes('Load more'),
      ),
    ).toBe(false);
  });
});
