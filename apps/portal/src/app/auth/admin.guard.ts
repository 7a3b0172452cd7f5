import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { SessionStore } from './session.store';

/** Admin pages: signed out goes to sign in, other roles to the feedback list. */
export const adminGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  if (!session.signedIn())
    return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
  return session.isAdmin() ? true : router.createUrlTree(['/feedback']);
};
