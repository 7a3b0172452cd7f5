import { Route } from '@angular/router';

export const actionsRoutes: Route[] = [
  {
    path: '',
    title: 'Actions · ClosedLoop',
    loadComponent: () => import('./action-board.page').then((m) => m.ActionBoardPage),
  },
  {
    path: ':id',
    title: 'Action · ClosedLoop',
    loadComponent: () => import('./action-detail.page').then((m) => m.ActionDetailPage),
  },
];
