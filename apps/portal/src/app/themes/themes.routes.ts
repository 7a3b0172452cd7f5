import { Route } from '@angular/router';

export const themesRoutes: Route[] = [
  {
    path: '',
    title: 'Themes · ClosedLoop',
    loadComponent: () => import('./theme-list.page').then((m) => m.ThemeListPage),
  },
  {
    path: ':id',
    title: 'Theme · ClosedLoop',
    loadComponent: () => import('./theme-detail.page').then((m) => m.ThemeDetailPage),
  },
];
