import type { UserRole } from '@closedloop/persistence';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/** The signed-in person behind a request, once the session guard verified their token. */
export interface UserPrincipal {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
  readonly sessionId: string;
}

/** The request as the guards leave it: `user` for a session, `apiKey` for an integrator. */
export interface RequestWithUser {
  user?: UserPrincipal;
}

/**
 * The signed-in user of a portal operation (set by the session guard); null when the operation ran
 * without one (only possible for operations open to API keys).
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): UserPrincipal | null => {
    const ctx = GqlExecutionContext.create(context).getContext<{ req?: RequestWithUser }>();
    return ctx.req?.user ?? null;
  },
);
