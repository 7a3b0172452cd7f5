import { UNKNOWN_ACTOR, type Actor } from '@closedloop/actions-data-access';
import type { UserPrincipal } from '../auth/user-principal';

/** The actor recorded for a request: the signed-in user, or `unknown` until sessions guard every operation. */
export const actorOf = (user: UserPrincipal | null): Actor =>
  user ? { id: user.userId, label: user.name } : UNKNOWN_ACTOR;
