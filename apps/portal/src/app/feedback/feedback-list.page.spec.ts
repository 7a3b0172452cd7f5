import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Observable, of, throwError } from 'rxjs';
import { ExplorerApi, type ExplorerPage } from '../data/explorer-api';
import type { ExplorerRowFragment, FeedbackFilterInput } from '../graphql/generated';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { FeedbackListPage } from './feedback-list.page';

const row = (id: string, text: string | null): ExplorerRowFragment => ({
  id,
  receivedAt: '2026-11-02T10:00:00Z',
  occurredAt: '2026-11-02T10:00:00Z',
  source: 'survey',
  metric: 'NPS',
  score: 3,
  scoreBand: 'detractor',
  text,
  journeyStage: 'use',
  sentimentLabel: 'negative',
  themeId: null,
  customer: { id: `c-${id}`, name: 'Maya Chen', email: null, unsubscribedAt: null },
});

interface Call {
  readonly after: string | null;
  readonly filter: FeedbackFilterInput;
}

describe('FeedbackListPage (explorer)', () => {
  async function open(url: string, answer: (call: Call) => Observable<ExplorerPage>) {
    const calls: Call[] = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'feedback', component: FeedbackListPage }]),
        {
          provide: ExplorerApi,
          useValue: {
            page: (_first: number, after: string | null, filter: FeedbackFilterInput) => {
              const call = { after, filter };
              calls.push(call);
              return answer(call);
            },
            themeChoices: () => of([{ id: 'theme-1', label: 'Card payments', volume: 4 }]),
          },
        },
      ],
    });
    const harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    return { harness, calls, element: harness.routeNativeElement as HTMLElement };
  }

  const comments = (element: HTMLElement) =>
    Array.from(element.querySelectorAll('tbody td.mat-column-comment')).map((td) =>
      td.textContent?.trim(),
    );

  it('sends the filters of the URL, days as instants with the last day included', async () => {
    const { calls, element } = await open(
      '/feedback?source=survey&metric=NPS&scoreBand=detractor&occurredFrom=2026-11-01&occurredTo=2026-11-02&search=card&bogus=1',
      () =>
        of({ rows: [row('a', 'card declined')], total: 1, hasNextPage: false, endCursor: null }),
    );
    expect(calls).toEqual([
      {
        after: null,
        filter: {
          source: 'SURVEY',
          metric: 'NPS',
          scoreBand: 'detractor',
          occurredFrom: '2026-11-01T00:00:00.000Z',
          occurredTo: '2026-11-03T00:00:00.000Z',
          search: 'card',
        },
      },
    ]);
    expect(comments(element)).toEqual(['card declined']);
    const link = element.querySelector('td.mat-column-comment a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/feedback/a');
    expect(element.querySelector('td.mat-column-customer a')?.getAttribute('href')).toBe(
      '/customers/c-a',
    );
    expect(element.querySelector('[data-testid="feedback-count"]')?.textContent).toContain(
      '1–1 of 1',
    );
  });

  it('loads again from the first page when the URL’s filters change', async () => {
    const { harness, calls } = await open('/feedback', ({ after }) =>
      of({
        rows: [row(after ?? 'first', 'x')],
        total: 120,
        hasNextPage: true,
        endCursor: `${after ?? 'c0'}+`,
      }),
    );
    const next = Array.from(harness.routeNativeElement?.querySelectorAll('button') ?? []).find(
      (b) => b.textContent?.includes('Next page'),
    ) as HTMLButtonElement;
    next.click();
    await harness.fixture.whenStable();
    expect(calls.map((c) => c.after)).toEqual([null, 'c0+']);
    expect(harness.routeNativeElement?.textContent).toContain('51–51 of 120');
    await TestBed.inject(Router).navigateByUrl('/feedback?sentimentLabel=negative');
    await harness.fixture.whenStable();
    expect(calls.at(-1)).toEqual({ after: null, filter: { sentimentLabel: 'NEGATIVE' } });
  });

  it('says when nothing matches, and clears the filters from the URL', async () => {
    const { harness, element } = await open('/feedback?journeyStage=leave', ({ filter }) =>
      of({
        rows: filter.journeyStage ? [] : [row('a', 'all')],
        total: filter.journeyStage ? 0 : 1,
        hasNextPage: false,
        endCursor: null,
      }),
    );
    const empty = element.querySelector('[data-testid="feedback-no-match"]');
    expect(empty?.textContent).toContain('No feedback matches these filters.');
    (empty?.querySelector('button') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/feedback');
    expect(comments(harness.routeNativeElement as HTMLElement)).toEqual(['all']);
  });

  it('shows the error with a retry that loads again', async () => {
    let fail = true;
    const { harness, element } = await open('/feedback', () =>
      fail
        ? throwError(
            () =>
              new GraphqlRequestError(
                'graphql',
                [{ message: 'filter.search is too long', code: 'BAD_USER_INPUT', field: null }],
                200,
                'FeedbackExplorer',
              ),
          )
        : of({ rows: [row('a', 'back again')], total: 1, hasNextPage: false, endCursor: null }),
    );
    const alert = element.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('filter.search is too long');
    fail = false;
    (alert?.querySelector('button') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
    expect(comments(harness.routeNativeElement as HTMLElement)).toEqual(['back again']);
  });
});
