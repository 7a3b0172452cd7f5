import { Route } from '@angular/router';
import { adminGuard } from './auth/admin.guard';
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
    path: 'actions',
    canActivate: [signedInGuard],
    loadChildren: () => import('./actions/actions.routes').then((m) => m.actionsRoutes),
  },
  {
    path: 'admin',
    title: 'People and API keys · ClosedLoop',
    canActivate: [adminGuard],
    loadComponent: () => import('./admin/admin.page').then((m) => m.AdminPage),
  },
  {
    path: '**',
    title: 'Not found · ClosedLoop',
    loadComponent: () => import('./shared/not-found.page').then((m) => m.NotFoundPage),
  },
];
