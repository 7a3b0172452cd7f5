import { Route } from '@angular/router';

export const overviewRoutes: Route[] = [
  {
    path: '',
    title: 'Loop overview · ClosedLoop',
    loadComponent: () => import('./overview.page').then((m) => m.OverviewPage),
  },
];

export const experienceRoutes: Route[] = [
  {
    path: '',
    title: 'Experience map · ClosedLoop',
    loadComponent: () => import('./experience-map.page').then((m) => m.ExperienceMapPage),
  },
];
