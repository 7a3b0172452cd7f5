import { Route } from '@angular/router';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'feedback' },
  {
    path: 'feedback',
    loadChildren: () => import('./feedback/feedback.routes').then((m) => m.feedbackRoutes),
  },
  {
    path: 'actions',
    loadChildren: () => import('./actions/actions.routes').then((m) => m.actionsRoutes),
  },
  {
    path: '**',
    title: 'Not found · ClosedLoop',
    loadComponent: () => import('./shared/not-found.page').then((m) => m.NotFoundPage),
  },
];
