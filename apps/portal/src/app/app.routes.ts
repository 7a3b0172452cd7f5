import { Route } from '@angular/router';
import { signedInGuard } from './auth/signed-in.guard';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'overview' },
  {
    path: 'sign-in',
    title: 'Sign in · ClosedLoop',
    loadComponent: () => import('./auth/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'overview',
    canActivate: [signedInGuard],
    loadChildren: () => import('./overview/overview.routes').then((m) => m.overviewRoutes),
  },
  {
    path: 'experience',
    canActivate: [signedInGuard],
    loadChildren: () => import('./overview/overview.routes').then((m) => m.experienceRoutes),
  },
  {
    path: 'feedback',
    canActivate: [signedInGuard],
    loadChildren: () => import('./feedback/feedback.routes').then((m) => m.feedbackRoutes),
  },
  {
    path: 'themes',
    canActivate: [signedInGuard],
    loadChildren: () => import('./themes/themes.routes').then((m) => m.themesRoutes),
  },
  {
    path: 'actions',
    canActivate: [signedInGuard],
    loadChildren: () => import('./actions/actions.routes').then((m) => m.actionsRoutes),
  },
  {
    path: 'customers',
    canActivate: [signedInGuard],
    loadChildren: () => import('./customers/customers.routes').then((m) => m.customersRoutes),
  },
  {
    path: 'settings',
    title: 'Settings · ClosedLoop',
    canActivate: [signedInGuard],
    loadComponent: () => import('./settings/settings.page').then((m) => m.SettingsPage),
  },
  { path: 'admin', pathMatch: 'full', redirectTo: 'settings' },
  {
    path: '**',
    title: 'Not found · ClosedLoop',
    loadComponent: () => import('./shared/not-found.page').then((m) => m.NotFoundPage),
  },
];
