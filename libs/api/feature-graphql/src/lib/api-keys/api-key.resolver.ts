import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorator';
import { ApiKeyService } from '../auth/api-key.service';
import { CurrentUser, type UserPrincipal } from '../auth/user-principal';
import { apiError } from '../errors/api-error';
import { ApiKey, ApiKeyScope, CreatedApiKey } from './api-key.model';

/** Admins manage integrator API keys. */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Allow('admin')
  @Query(() => [ApiKey], { description: 'Every API key, newest first, revoked ones included.' })
  async apiKeys(): Promise<ApiKey[]> {
    return (await this.keys.list()) as ApiKey[];
  }

  @Allow('admin')
  @Mutation(() => CreatedApiKey)
  async createApiKey(
    @CurrentUser() me: UserPrincipal,
    @Args('name') name: string,
    @Args('scopes', { type: () => [ApiKeyScope] }) scopes: ApiKeyScope[],
  ): Promise<CreatedApiKey> {
    let created: { id: string; key: string };
    try {
      created = await this.keys.create(name, scopes, me.email);
    } catch (error) {
      throw apiError('BAD_USER_INPUT', (error as Error).message, {
        field: scopes.length === 0 ? 'scopes' : 'name',
      });
    }
    const apiKey = (await this.keys.list()).find((k) => k.id === created.id);
    if (!apiKey) throw new Error(`API key ${created.id} vanished after creation`);
    return { key: created.key, apiKey: apiKey as ApiKey };
  }

  @Allow('admin')
  @Mutation(() => ApiKey, { description: 'Revokes a key; it stops working within 10 seconds.' })
  async revokeApiKey(@Args('id', { type: () => ID }) id: string): Promise<ApiKey> {
    const revoked = await this.keys.revoke(id);
    const apiKey = revoked ? (await this.keys.list()).find((k) => k.id === id) : undefined;
    if (!apiKey) throw apiError('NOT_FOUND', `No API key ${id}`, { field: 'id' });
    return apiKey as ApiKey;
  }
}
