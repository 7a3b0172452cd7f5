import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorator';
import { CurrentUser, type UserPrincipal } from '../auth/user-principal';
import { SettingsModel, UpdateSettingsInput } from './settings.model';
import { SettingsService } from './settings.service';

@Resolver(() => SettingsModel)
export class SettingsResolver {
  constructor(private readonly settingsService: SettingsService) {}

  @Allow('viewer')
  @Query(() => SettingsModel)
  settings(): Promise<SettingsModel> {
    return this.settingsService.get();
  }

  @Allow('admin')
  @Mutation(() => SettingsModel)
  async updateSettings(
    @CurrentUser() me: UserPrincipal,
    @Args('input') input: UpdateSettingsInput,
  ): Promise<SettingsModel> {
    await this.settingsService.update(input, me.email);
    return this.settingsService.get();
  }
}
