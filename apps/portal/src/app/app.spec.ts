import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';

describe('App', () => {
  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter([]), provideHttpClient()],
    }).compileComponents();
  });

  it('shows the product name and the Feedback and Actions navigation', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.brand')?.textContent).toContain('ClosedLoop');
    const nav = element.querySelector('nav[aria-label="Main"]');
    const links = Array.from(nav?.querySelectorAll('a') ?? []).map((a) => ({
      text: a.querySelector('[matListItemTitle]')?.textContent?.trim(),
      href: a.getAttribute('href'),
    }));
    expect(links).toEqual([
      { text: 'Feedback', href: '/feedback' },
      { text: 'Actions', href: '/actions' },
    ]);
    expect(element.querySelector('main#main router-outlet')).not.toBeNull();
  });
});
