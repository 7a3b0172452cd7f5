import { Route } from '@angular/router';

export const actionsRoutes: Route[] = [
  {
    path: '',
    title: 'Actions · ClosedLoop',
    loadComponent: () => import('./action-list.page').then((m) => m.ActionListPage),
  },
  {
    path: ':id',
    title: 'Action · ClosedLoop',
    loadComponent: () => import('./action-detail.page').then((m) => m.ActionDetailPage),
  },
];
