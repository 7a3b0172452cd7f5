import { Allow } from '../auth/access.decorator';
import {
  Args,
  Context,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentUser, type UserPrincipal } from '../auth/user-principal';
import { Feedback } from '../feedback/feedback.model';
import type { Connection } from '../pagination/connection.model';
import { wantsField } from '../pagination/wants-field';
import { ThemeConnection } from './theme-connection.model';
import { ThemeFilterInput, ThemeSort } from './theme-list.inputs';
import type { GraphqlContext } from '../live/graphql-context';
import { ThemeStats } from './theme-stats.model';
import { ThemeStatsLoader } from './theme-stats.loader';
import { QuotePolarity, Theme, ThemeBreakdown, ThemeDay, ThemeQuote } from './theme.model';
import { ThemeService } from './theme.service';

@Resolver(() => Theme)
export class ThemeResolver {
  constructor(
    private readonly themeService: ThemeService,
    private readonly statsLoader: ThemeStatsLoader,
  ) {}

  @Allow('viewer')
  @Query(() => ThemeConnection, {
    description:
      'Themes of the default theme space, filtered (ACTIVE unless a status is given) and sorted, a page at a time.',
  })
  themes(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => ThemeFilterInput, nullable: true })
    filter: ThemeFilterInput | null,
    @Args('sort', { type: () => ThemeSort, defaultValue: ThemeSort.VOLUME }) sort: ThemeSort,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Theme>> {
    return this.themeService.page(filter, sort, first, after, wantsField(info, 'totalCount'));
  }

  @Allow('viewer')
  @Query(() => Theme, {
    nullable: true,
    description: 'Any theme ever issued; a merged one names where it went.',
  })
  theme(@Args('id', { type: () => ID }) id: string): Promise<Theme | null> {
    return this.themeService.byId(id);
  }

  @Allow('viewer')
  @Query(() => [Feedback], {
    description: 'The items the engine would move out if the theme were split in two.',
  })
  themeSplitProposal(@Args('id', { type: () => ID }) id: string): Promise<Feedback[]> {
    return this.themeService.splitProposal(id);
  }

  @ResolveField(() => [ThemeQuote], {
    description:
      'Representative quotes (at most 10): without polarity, central and varied; with it, the closest items of that sentiment (complaints or praise).',
  })
  quotes(
    @Parent() theme: Theme,
    @Args('count', { type: () => Int, defaultValue: 3 }) count: number,
    @Args('polarity', { type: () => QuotePolarity, nullable: true })
    polarity: QuotePolarity | null,
  ): Promise<ThemeQuote[]> {
    return this.themeService.quotes(theme.id, count, polarity);
  }

  @ResolveField(() => ThemeStats, {
    description: 'Sentiment, NPS, source mix and a 30-day volume line, batched across a page.',
  })
  stats(@Parent() theme: Theme, @Context() context: GraphqlContext): Promise<ThemeStats> {
    const key = typeof context.req === 'object' && context.req !== null ? context.req : context;
    return this.statsLoader.load(key, theme.id);
  }

  @ResolveField(() => [Feedback], { description: 'Feedback in the theme, newest first.' })
  feedback(
    @Parent() theme: Theme,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<Feedback[]> {
    return this.themeService.feedback(theme.id, first);
  }

  @ResolveField(() => [ThemeDay], {
    description: 'Daily volume, sentiment and NPS over the last days.',
  })
  days(
    @Parent() theme: Theme,
    @Args('days', { type: () => Int, defaultValue: 30 }) days: number,
  ): Promise<ThemeDay[]> {
    return this.themeService.days(theme.id, days);
  }

  @ResolveField(() => [ThemeBreakdown])
  bySource(@Parent() theme: Theme): Promise<ThemeBreakdown[]> {
    return this.themeService.breakdown(theme.id, 'source');
  }

  @ResolveField(() => [ThemeBreakdown])
  byJourneyStage(@Parent() theme: Theme): Promise<ThemeBreakdown[]> {
    return this.themeService.breakdown(theme.id, 'journey_stage');
  }

  @ResolveField(() => [Theme], { description: 'Themes merged into this one (lineage).' })
  mergedFrom(@Parent() theme: Theme): Promise<Theme[]> {
    return this.themeService.mergedFrom(theme.id);
  }

  @Allow('cx_lead')
  @Mutation(() => Theme, {
    description: 'Renames a theme; the machine never relabels it afterwards.',
  })
  renameTheme(
    @Args('id', { type: () => ID }) id: string,
    @Args('label') label: string,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Theme> {
    return this.themeService.rename(id, label, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Theme, {
    description: 'Merges themes into the target; their feedback and history follow it.',
  })
  mergeThemes(
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('sourceIds', { type: () => [ID] }) sourceIds: string[],
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Theme> {
    return this.themeService.merge(targetId, sourceIds, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Theme, {
    description:
      'Splits chosen items (or, without them, the engine’s proposal) into a new theme, which it returns.',
  })
  splitTheme(
    @Args('id', { type: () => ID }) id: string,
    @Args('feedbackIds', { type: () => [ID], nullable: true }) feedbackIds: string[] | null,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Theme> {
    return this.themeService.split(id, feedbackIds ?? null, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Theme, {
    description: 'Moves feedback to a theme; the machine keeps it there and learns from it.',
  })
  moveFeedbackToTheme(
    @Args('feedbackIds', { type: () => [ID] }) feedbackIds: string[],
    @Args('themeId', { type: () => ID }) themeId: string,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Theme> {
    return this.themeService.moveFeedback(feedbackIds, themeId, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Theme, {
    description: 'Pins (or unpins) a theme: the machine never changes a pinned theme.',
  })
  pinTheme(
    @Args('id', { type: () => ID }) id: string,
    @Args('pinned', { defaultValue: true }) pinned: boolean,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Theme> {
    return this.themeService.pin(id, pinned, actorOf(user));
  }

  @Allow('cx_lead')
  @Mutation(() => Theme, {
    description: 'Sets a theme aside as noise; the machine never brings its items back.',
  })
  markThemeNoise(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: UserPrincipal | null,
  ): Promise<Theme> {
    return this.themeService.markNoise(id, actorOf(user));
  }
}

/** Who made a change, for theme.changed.v1: the signed-in user's id, else `portal`. */
function actorOf(user: UserPrincipal | null): string {
  return user?.userId ?? 'portal';
}
