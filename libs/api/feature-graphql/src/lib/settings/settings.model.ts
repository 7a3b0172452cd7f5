import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Settings', { description: 'Settings admins change; defaults apply until then.' })
export class SettingsModel {
  @Field(() => Int, {
    description:
      'Weeks after an action ships over which its impact is measured (1 to 52, default 8).',
  })
  impactWindowWeeks!: number;

  @Field(() => Int, {
    description:
      'Rise in a theme’s volume, in percent, that counts as a regression (1 to 500, default 25).',
  })
  regressionThresholdPercent!: number;

  @Field(() => Int, {
    description:
      'Change-notice emails a customer may get in 7 days; more are left out at announce time (1 to 50, default 3).',
  })
  noticeWeeklyCap!: number;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => String, { nullable: true })
  updatedBy!: string | null;
}

@InputType({ description: 'Only the settings given change.' })
export class UpdateSettingsInput {
  @Field(() => Int, { nullable: true })
  impactWindowWeeks?: number | null;

  @Field(() => Int, { nullable: true })
  regressionThresholdPercent?: number | null;

  @Field(() => Int, { nullable: true })
  noticeWeeklyCap?: number | null;
}
