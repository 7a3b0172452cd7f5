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

  @Field(() => String, {
    nullable: true,
    description: 'Display name change notices come from; null: the deployment’s MAIL_FROM.',
  })
  senderName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Address change notices come from; null: the deployment’s MAIL_FROM.',
  })
  senderAddress!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The subject a new announcement starts with; null: the portal’s default.',
  })
  noticeSubjectTemplate!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The body a new announcement starts with; null: the portal’s default.',
  })
  noticeBodyTemplate!: string | null;

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

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  senderName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'One plain address (no display name); an empty string clears it.',
  })
  senderAddress?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Placeholders: {{firstName}}, {{change}}, {{quote}}, {{quoteDate}}; an empty string clears it.',
  })
  noticeSubjectTemplate?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The same placeholders; an empty string clears it.',
  })
  noticeBodyTemplate?: string | null;
}
