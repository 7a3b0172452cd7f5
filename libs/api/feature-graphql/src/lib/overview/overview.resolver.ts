import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/access.decorator';
import { ExperienceCell, LoopFlow, OverviewRangeInput, SatisfactionWeek } from './overview.models';
import { OverviewService } from './overview.service';

@Resolver()
export class OverviewResolver {
  constructor(private readonly overview: OverviewService) {}

  @Allow('viewer')
  @Query(() => LoopFlow, {
    description:
      'The loop as a flow for feedback given in the range: sources → themes → action → shipped → told.',
  })
  loopFlow(
    @Args('range') range: OverviewRangeInput,
    @Args('themes', {
      type: () => Int,
      defaultValue: 6,
      description: 'How many of the largest themes to show by name (1 to 12).',
    })
    themes: number,
  ): Promise<LoopFlow> {
    return this.overview.loopFlow(range, themes);
  }

  @Allow('viewer')
  @Query(() => [ExperienceCell], {
    description: 'Feedback per source and journey stage in the range, with mean sentiment.',
  })
  experienceMap(@Args('range') range: OverviewRangeInput): Promise<ExperienceCell[]> {
    return this.overview.experienceMap(range);
  }

  @Allow('viewer')
  @Query(() => [SatisfactionWeek], {
    description: 'NPS, CSAT and mean sentiment per week (Monday, UTC) in the range.',
  })
  satisfactionTrend(@Args('range') range: OverviewRangeInput): Promise<SatisfactionWeek[]> {
    return this.overview.satisfactionTrend(range);
  }
}
