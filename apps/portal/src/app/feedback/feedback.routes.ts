import { Route } from '@angular/router';

export const feedbackRoutes: Route[] = [
  {
    path: '',
    title: 'Feedback · ClosedLoop',
    loadComponent: () => import('./feedback-list.page').then((m) => m.FeedbackListPage),
  },
  {
    path: ':id',
    title: 'Feedback item · ClosedLoop',
    loadComponent: () => import('./feedback-item.page').then((m) => m.FeedbackItemPage),
  },
];
