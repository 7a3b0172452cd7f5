import { provideHttpClient } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';
import { SessionStore } from './auth/session.store';
import type { SignedInUserFragment } from './graphql/generated';

describe('App', () => {
  const user = signal<SignedInUserFragment | null>({
    id: 'u1',
    email: 'lee@example.com',
    name: 'Lee Lead',
    role: 'CX_LEAD',
  });

  beforeEach(async () => {
    user.set({ id: 'u1', email: 'lee@example.com', name: 'Lee Lead', role: 'CX_LEAD' });
    await TestBed.configureTestingModule({
      imports: [App],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        {
          provide: SessionStore,
          useValue: {
            user,
            signedIn: () => user() !== null,
            isAdmin: () => user()?.role === 'ADMIN',
            canChange: () => user()?.role === 'ADMIN' || user()?.role === 'CX_LEAD',
          },
        },
      ],
    }).compileComponents();
  });

  it('shows who is signed in, and no navigation to someone signed out', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(
      element.querySelector('[data-testid="signed-in-user"] .user-name')?.textContent?.trim(),
    ).toBe('Lee Lead');
    expect(
      element.querySelector('[data-testid="signed-in-user"] .user-role')?.textContent?.trim(),
    ).toBe('CX lead');
    user.set(null);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(element.querySelector('nav[aria-label="Main"]')).toBeNull();
    expect(element.querySelector('[data-testid="signed-in-user"]')).toBeNull();
  });

  it('shows the product name and the Overview, Experience map, Feedback and Actions navigation', async () => {
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
      { text: 'Overview', href: '/overview' },
      { text: 'Experience map', href: '/experience' },
      { text: 'Feedback', href: '/feedback' },
      { text: 'Themes', href: '/themes' },
      { text: 'Actions', href: '/actions' },
      { text: 'Customers', href: '/customers' },
      { text: 'Settings', href: '/settings' },
    ]);
    expect(element.querySelector('main#main router-outlet')).not.toBeNull();
  });
});
