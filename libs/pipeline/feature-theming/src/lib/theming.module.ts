import { ThemeSpaceStore } from '@closedloop/themes-data-access';
import { Module } from '@nestjs/common';
import { ThemingConsumer } from './theming.consumer';

@Module({
  providers: [
    ThemingConsumer,
    { provide: ThemeSpaceStore, useFactory: () => new ThemeSpaceStore() },
  ],
})
export class ThemingModule {}
