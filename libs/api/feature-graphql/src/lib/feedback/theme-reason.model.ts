import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'Why an item is in its theme: the engine’s reason when it placed it, or that a person moved or split it there.',
})
export class ThemeReason {
  @Field({
    description:
      'matched-theme (joined an existing theme), created-theme (opened one), moved (a person moved it here) or split (a person split it out into this theme)',
  })
  kind!: string;

  @Field(() => [String], {
    description: 'Words of the item among the theme’s key phrases, in text order.',
  })
  sharedTerms!: string[];

  @Field(() => Float, {
    nullable: true,
    description:
      'Similarity to the theme it joined (or, when it opened one, to the nearest theme, which was not close enough).',
  })
  similarity!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The similarity it needed to join an existing theme at that moment.',
  })
  threshold!: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For an item that opened a theme: the nearest existing theme.',
  })
  nearestThemeId!: string | null;
}

/** Reads the stored feedback.theme_reason jsonb defensively; null when absent or not an object. */
export function toThemeReason(raw: unknown): ThemeReason | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    kind: typeof r['kind'] === 'string' ? r['kind'] : 'unknown',
    sharedTerms: Array.isArray(r['sharedTerms'])
      ? r['sharedTerms'].filter((t): t is string => typeof t === 'string')
      : [],
    similarity: num(r['similarity']),
    threshold: num(r['threshold']),
    nearestThemeId: typeof r['nearestThemeId'] === 'string' ? r['nearestThemeId'] : null,
  };
}
