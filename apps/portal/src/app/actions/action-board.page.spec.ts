import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { of, Subject } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { ActionsApi } from '../data/actions-api';
import { LiveApi, type ActionStatusChange } from '../data/live-api';
import type { ActionStatus, ActionSummaryFragment } from '../graphql/generated';
import { ActionBoardPage } from './action-board.page';

const action = (id: string, title: string, status: ActionStatus): ActionSummaryFragment => ({
  id,
  title,
  owner: null,
  legacyOwner: 'Priya',
  status,
  createdAt: '2026-11-01T10:00:00Z',
  shippedAt: null,
  announcedAt: null,
  noticeSummary: { sent: 0, pending: 0, failed: 0, suppressed: 0, total: 0 },
});

describe('ActionBoardPage', () => {
  let changes: Subject<ActionStatusChange>;
  let moves: { id: string; status: ActionStatus }[];
  let lists: number;

  async function render(canChange = true) {
    changes = new Subject();
    moves = [];
    lists = 0;
    TestBed.configureTestingModule({
      imports: [ActionBoardPage],
      providers: [
        provideRouter([]),
        { provide: SessionStore, useValue: { canChange: signal(canChange) } },
        { provide: LiveApi, useValue: { actionStatusChanges: () => changes } },
        {
          provide: ActionsApi,
          useValue: {
            list: () => (
              lists++,
              of([
                action('a1', 'Faster checkout', 'PROPOSED'),
                action('a2', 'Clear fees', 'SHIPPED'),
              ])
            ),
            changeStatus: (id: string, status: ActionStatus) => {
              moves.push({ id, status });
              return of({ ...action(id, 'Faster checkout', status) });
            },
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(ActionBoardPage);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const column = (element: HTMLElement, status: ActionStatus) => {
    const section = element.querySelector(`section.column[data-status="${status}"]`);
    return {
      count: section?.querySelector('.count')?.textContent?.trim(),
      titles: Array.from(section?.querySelectorAll('li.card a') ?? []).map((a) =>
        a.textContent?.trim(),
      ),
    };
  };

  it('shows a column per status with counts', async () => {
    const { element } = await render();
    const statuses = Array.from(element.querySelectorAll('section.column h2 span:first-child')).map(
      (s) => s.textContent?.trim(),
    );
    expect(statuses).toEqual([
      'Proposed',
      'Planned',
      'In progress',
      'Shipped',
      'Announced',
      'Declined',
    ]);
    expect(column(element, 'PROPOSED')).toEqual({ count: '1', titles: ['Faster checkout'] });
    expect(column(element, 'SHIPPED')).toEqual({ count: '1', titles: ['Clear fees'] });
    expect(column(element, 'PLANNED')).toEqual({ count: '0', titles: [] });
  });

  it('moves a card by its menu, offering only the allowed moves', async () => {
    const { fixture, element } = await render();
    (
      element.querySelector('button[aria-label="Move “Faster checkout”"]') as HTMLButtonElement
    ).click();
    await fixture.whenStable();
    const items = Array.from(document.querySelectorAll('.mat-mdc-menu-panel [mat-menu-item]'));
    expect(items.map((i) => i.textContent?.trim())).toEqual([
      'Move to Planned',
      'Move to In progress',
      'Decline…',
    ]);
    (items[0] as HTMLElement).click();
    await fixture.whenStable();
    expect(moves).toEqual([{ id: 'a1', status: 'PLANNED' }]);
    expect(column(element, 'PLANNED').titles).toEqual(['Faster checkout']);
    expect(column(element, 'PROPOSED').count).toBe('0');
    expect(element.querySelector('[data-testid="board-status"]')?.textContent).toContain(
      '“Faster checkout” moved to Planned.',
    );
  });

  it('moves cards as status changes arrive live, and loads an action it does not know', async () => {
    const { fixture, element } = await render();
    changes.next({
      actionId: 'a2',
      from: 'SHIPPED',
      to: 'ANNOUNCED',
      actor: 'Lee',
      at: '2026-11-02T10:00:00Z',
    });
    await fixture.whenStable();
    expect(column(element, 'ANNOUNCED').titles).toEqual(['Clear fees']);
    expect(column(element, 'SHIPPED').count).toBe('0');
    expect(lists).toBe(1);
    changes.next({
      actionId: 'new',
      from: null,
      to: 'PROPOSED',
      actor: 'Lee',
      at: '2026-11-02T10:00:00Z',
    });
    await fixture.whenStable();
    expect(lists).toBe(2);
  });

  it('shows a viewer the board without ways to move cards', async () => {
    const { element } = await render(false);
    expect(element.querySelectorAll('li.card').length).toBe(2);
    expect(element.querySelector('button[aria-label^="Move"]')).toBeNull();
    expect(element.textContent).not.toContain('New action');
  });
});
