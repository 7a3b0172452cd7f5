import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ROLE_LABELS, SessionStore } from './auth/session.store';

interface NavItem {
  readonly path: string;
  readonly label: string;
  readonly hint: string;
}

@Component({
  selector: 'cl-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatButtonModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly roleLabels = ROLE_LABELS;

  protected signOut(): void {
    const done = () => void this.router.navigate(['/sign-in']);
    this.session.signOut().subscribe({ complete: done, error: done });
  }

  protected readonly nav = computed<readonly NavItem[]>(() => [
    { path: '/overview', label: 'Overview', hint: 'The loop at a glance' },
    { path: '/experience', label: 'Experience map', hint: 'Sentiment by journey stage' },
    { path: '/feedback', label: 'Feedback', hint: 'What customers said' },
    { path: '/themes', label: 'Themes', hint: 'What they keep saying' },
    { path: '/actions', label: 'Actions', hint: 'What we do about it' },
    { path: '/customers', label: 'Customers', hint: 'Who said it, across channels' },
    ...(this.session.canChange()
      ? [{ path: '/settings', label: 'Settings', hint: 'People, keys, sender, prompts' }]
      : []),
  ]);
}
