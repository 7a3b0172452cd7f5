import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ThemeStatus } from './theme.model';

export enum ThemeSort {
  VOLUME = 'VOLUME',
  RECENT = 'RECENT',
  NEGATIVE_SHARE = 'NEGATIVE_SHARE',
}
registerEnumType(ThemeSort, {
  name: 'ThemeSort',
  description:
    'VOLUME: most feedback first; RECENT: newest feedback first; NEGATIVE_SHARE: most negative first.',
});

@InputType({ description: 'Narrows the theme list; every given condition must hold.' })
export class ThemeFilterInput {
  @Field(() => ThemeStatus, { nullable: true, description: 'Defaults to ACTIVE.' })
  status?: ThemeStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Text the label or a key phrase contains (case-insensitive).',
  })
  search?: string | null;

  @Field(() => Int, { nullable: true, description: 'At least this many feedback items.' })
  minVolume?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only emerging themes (emergingSince set); false: only the others.',
  })
  emerging?: boolean | null;
}
