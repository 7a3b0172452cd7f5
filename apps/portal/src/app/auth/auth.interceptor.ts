import { HttpResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { tap } from 'rxjs';
import { graphqlErrorsOf } from '../graphql/graphql-error';
import { SessionStore } from './session.store';

/**
 * Adds the session token to every API request, and sends the person to sign in again when the API
 * answers UNAUTHENTICATED (session expired, signed out elsewhere, account disabled).
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  const token = session.token();
  const sent = token
    ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
    : request;
  return next(sent).pipe(
    tap((event) => {
      if (!(event instanceof HttpResponse) || !token) return;
      if (graphqlErrorsOf(event.body).some((e) => e.code === 'UNAUTHENTICATED')) {
        session.clear();
        void router.navigate(['/sign-in'], { queryParams: { returnUrl: router.url } });
      }
    }),
  );
};
