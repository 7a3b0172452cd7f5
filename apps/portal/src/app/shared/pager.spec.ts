import { TestBed } from '@angular/core/testing';
import { Pager } from './pager';

describe('Pager', () => {
  function render(inputs: { hasPrevious: boolean; hasNext: boolean; busy?: boolean }) {
    const fixture = TestBed.createComponent(Pager);
    fixture.componentRef.setInput('hasPrevious', inputs.hasPrevious);
    fixture.componentRef.setInput('hasNext', inputs.hasNext);
    if (inputs.busy !== undefined) fixture.componentRef.setInput('busy', inputs.busy);
    fixture.componentRef.setInput('label', 'Theme pages');
    const moves: string[] = [];
    fixture.componentInstance.previous.subscribe(() => moves.push('previous'));
    fixture.componentInstance.next.subscribe(() => moves.push('next'));
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const button = (text: string) =>
      Array.from(element.querySelectorAll('button')).find((b) =>
        b.textContent?.includes(text),
      ) as HTMLButtonElement;
    return { element, moves, previous: button('Previous page'), next: button('Next page') };
  }

  it('names its landmark and says which way the person went', () => {
    const { element, moves, previous, next } = render({ hasPrevious: true, hasNext: true });
    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Theme pages');
    next.click();
    previous.click();
    expect(moves).toEqual(['next', 'previous']);
  });

  it('disables a direction with no page, and both while a page loads', () => {
    const first = render({ hasPrevious: false, hasNext: true });
    expect([first.previous.disabled, first.next.disabled]).toEqual([true, false]);
    const last = render({ hasPrevious: true, hasNext: false });
    expect([last.previous.disabled, last.next.disabled]).toEqual([false, true]);
    const loading = render({ hasPrevious: true, hasNext: true, busy: true });
    expect([loading.previous.disabled, loading.next.disabled]).toEqual([true, true]);
  });
});
