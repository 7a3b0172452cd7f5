import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorator';
import { CurrentUser, type UserPrincipal } from '../auth/user-principal';
import { apiError } from '../errors/api-error';
import type { Connection } from '../pagination/connection.model';
import { CreateUserInput, UpdateUserInput } from './user.inputs';
import { User, UserConnection } from './user.model';
import { UserService } from './user.service';

/** Admins manage people. */
@Resolver(() => User)
export class UserResolver {
  constructor(private readonly userService: UserService) {}

  @Allow('admin')
  @Query(() => UserConnection, { description: 'People, by email.' })
  users(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<User>> {
    return this.userService.list(first, after ?? null);
  }

  @Allow('admin')
  @Mutation(() => User)
  createUser(@Args('input') input: CreateUserInput): Promise<User> {
    return this.userService.create(input);
  }

  @Allow('admin')
  @Mutation(() => User, {
    description:
      'Changes name or role; the last admin cannot be demoted, nor can admins demote themselves.',
  })
  updateUser(
    @CurrentUser() me: UserPrincipal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateUserInput,
  ): Promise<User> {
    return this.userService.update(me, id, input);
  }

  @Allow('admin')
  @Mutation(() => User, {
    description: 'The person can no longer sign in; their sessions end at once.',
  })
  disableUser(
    @CurrentUser() me: UserPrincipal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<User> {
    return this.userService.setDisabled(me, id, true);
  }

  @Allow('admin')
  @Mutation(() => User)
  enableUser(
    @CurrentUser() me: UserPrincipal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<User> {
    return this.userService.setDisabled(me, id, false);
  }

  @Allow('admin')
  @Mutation(() => User, { description: 'Sets a new password; the person’s sessions end.' })
  async resetUserPassword(
    @Args('id', { type: () => ID }) id: string,
    @Args('password') password: string,
  ): Promise<User> {
    if (password.length === 0)
      throw apiError('BAD_USER_INPUT', 'A password is needed', { field: 'password' });
    return this.userService.resetPassword(id, password);
  }
}
