import { Route } from '@angular/router';

export const feedbackRoutes: Route[] = [
  {
    path: '',
    title: 'Feedback · ClosedLoop',
    loadComponent: () => import('./feedback-list.page').then((m) => m.FeedbackListPage),
  },
];
