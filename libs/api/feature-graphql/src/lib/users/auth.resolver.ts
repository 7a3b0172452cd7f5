import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Public } from '../auth/access.decorator';
import type { RequestLike } from '../auth/bearer-token';
import { SessionService } from '../auth/session.service';
import { CurrentUser, type UserPrincipal } from '../auth/user-principal';
import { SignInResult, User } from './user.model';
import { UserService } from './user.service';

/** Signing in and out, and one's own account. */
@Resolver()
export class AuthResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly users: UserService,
  ) {}

  @Public()
  @Mutation(() => SignInResult, {
    description:
      'Opens a session. Wrong email or password: UNAUTHENTICATED; too many failures: RATE_LIMITED.',
  })
  async signIn(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('req') req: RequestLike | undefined,
  ): Promise<SignInResult> {
    const signedIn = await this.sessions.signIn(email, password, req?.ip ?? 'unknown');
    const user = await this.users.byId(signedIn.userId);
    if (!user) throw new Error(`user ${signedIn.userId} vanished while signing in`);
    return { token: signedIn.token, expiresAt: signedIn.expiresAt, user };
  }

  @Allow('viewer')
  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async signOut(@CurrentUser() me: UserPrincipal): Promise<boolean> {
    await this.sessions.signOut(me.sessionId);
    return true;
  }

  @Allow('viewer')
  @Query(() => User, { description: 'The signed-in person.' })
  async me(@CurrentUser() me: UserPrincipal): Promise<User> {
    const user = await this.users.byId(me.userId);
    if (!user) throw new Error(`signed-in user ${me.userId} not found`);
    return user;
  }

  @Allow('viewer')
  @Mutation(() => Boolean, {
    description: 'Changes one’s own password; every other session of the person ends.',
  })
  async changeMyPassword(
    @CurrentUser() me: UserPrincipal,
    @Args('current') current: string,
    @Args('next') next: string,
  ): Promise<boolean> {
    await this.users.changeOwnPassword(me, current, next);
    return true;
  }
}
