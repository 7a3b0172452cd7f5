import { Allow } from '../auth/access.decorator';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Feedback } from '../feedback/feedback.model';
import { ResearchPrompt } from './research-prompt.model';
import { ResearchPromptService } from './research-prompt.service';

/** Until people and roles exist (see the action-tracking issue), prompts are attributed to the portal. */
const ACTOR = 'portal';

@Resolver(() => ResearchPrompt)
export class ResearchPromptResolver {
  constructor(private readonly prompts: ResearchPromptService) {}

  @Allow('viewer')
  @Query(() => [ResearchPrompt])
  researchPrompts(): Promise<ResearchPrompt[]> {
    return this.prompts.list();
  }

  @Allow('viewer')
  @Query(() => ResearchPrompt)
  researchPrompt(@Args('id', { type: () => ID }) id: string): Promise<ResearchPrompt> {
    return this.prompts.get(id);
  }

  @Allow('cx_lead')
  @Mutation(() => ResearchPrompt, {
    description: 'Ask front-line staff to collect answers to a question.',
  })
  createResearchPrompt(@Args('question') question: string): Promise<ResearchPrompt> {
    return this.prompts.create(question, ACTOR);
  }

  @Allow('cx_lead')
  @Mutation(() => ResearchPrompt)
  closeResearchPrompt(@Args('id', { type: () => ID }) id: string): Promise<ResearchPrompt> {
    return this.prompts.close(id);
  }

  @ResolveField(() => [Feedback], { description: 'The staff reports answering this prompt.' })
  answers(@Parent() prompt: ResearchPrompt): Promise<Feedback[]> {
    return this.prompts.answers(prompt.id);
  }
}
