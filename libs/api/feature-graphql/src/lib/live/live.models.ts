import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActionStatusValue } from '../actions/action-status.enum';
import { FeedbackSourceKind } from '../feedback/feedback-enums';
import { ThemeStatus } from '../themes/theme.model';

export enum ThemeChangeKind {
  CREATED = 'created',
  RENAMED = 'renamed',
  MERGED = 'merged',
  SPLIT = 'split',
  STATUS_CHANGED = 'status-changed',
  PINNED = 'pinned',
  FEEDBACK_MOVED = 'feedback-moved',
}
registerEnumType(ThemeChangeKind, {
  name: 'ThemeChangeKind',
  description:
    'created (by the engine or a split); renamed; merged (this theme went into relatedThemeId); split (this theme was split from relatedThemeId); status-changed (set aside as noise); pinned (or unpinned); feedback-moved (a person moved feedback into it).',
});

@ObjectType({ description: 'A theme was created or changed.' })
export class ThemeChange {
  @Field(() => ThemeChangeKind)
  change!: ThemeChangeKind;

  @Field(() => ID)
  themeId!: string;

  @Field(() => ID, { nullable: true })
  relatedThemeId!: string | null;

  @Field()
  label!: string;

  @Field(() => ThemeStatus)
  status!: ThemeStatus;

  @Field({ description: 'The user id of the person, or machine.' })
  actor!: string;

  @Field()
  at!: Date;
}

@ObjectType({ description: 'An action moved from one status to another (or was created).' })
export class ActionStatusChange {
  @Field(() => ID)
  actionId!: string;

  @Field(() => ActionStatusValue, { nullable: true, description: 'Null when it was created.' })
  from!: ActionStatusValue | null;

  @Field(() => ActionStatusValue)
  to!: ActionStatusValue;

  @Field()
  actor!: string;

  @Field()
  at!: Date;
}

@InputType({ description: 'Which new feedback to receive.' })
export class FeedbackReceivedFilterInput {
  @Field(() => FeedbackSourceKind, { nullable: true })
  source?: FeedbackSourceKind | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only feedback placed in this theme (delivered when it is themed, after it is stored).',
  })
  themeId?: string | null;
}
