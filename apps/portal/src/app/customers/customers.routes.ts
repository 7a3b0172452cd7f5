import { Route } from '@angular/router';

export const customersRoutes: Route[] = [
  {
    path: '',
    title: 'Customers · ClosedLoop',
    loadComponent: () => import('./customer-list.page').then((m) => m.CustomerListPage),
  },
  {
    path: ':id',
    title: 'Customer · ClosedLoop',
    loadComponent: () => import('./customer-detail.page').then((m) => m.CustomerDetailPage),
  },
];
