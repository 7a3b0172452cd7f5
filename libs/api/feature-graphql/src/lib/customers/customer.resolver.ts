import { Allow } from '../auth/access.decorator';
import {
  Args,
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
import { FeedbackConnection } from '../feedback/feedback-connection.model';
import { FeedbackFilterInput } from '../feedback/feedback-filter.input';
import type { Feedback } from '../feedback/feedback.model';
import { FeedbackService } from '../feedback/feedback.service';
import type { Connection } from '../pagination/connection.model';
import { wantsField } from '../pagination/wants-field';
import { CustomerConnection } from './customer-connection.model';
import { CustomerFilterInput } from './customer-filter.input';
import { Customer } from './customer.model';
import { CustomerErasure } from './customer-erasure.model';
import { CustomerErasureService } from './customer-erasure.service';
import { CustomerIdentity, CustomerNotice } from './customer-history.model';
import { CustomerHistoryService } from './customer-history.service';
import { CustomerService } from './customer.service';

@Resolver(() => Customer)
export class CustomerResolver {
  constructor(
    private readonly customerService: CustomerService,
    private readonly feedbackService: FeedbackService,
    private readonly erasure: CustomerErasureService,
    private readonly history: CustomerHistoryService,
  ) {}

  @ResolveField(() => [CustomerIdentity], {
    description: 'How each source knows the customer (gone once erased).',
  })
  identities(@Parent() customer: Customer): Promise<CustomerIdentity[]> {
    return this.history.identities(customer.id);
  }

  @ResolveField(() => [CustomerNotice], {
    description:
      'The change notices the customer was sent or is to be sent, newest first (at most 200).',
  })
  notices(@Parent() customer: Customer): Promise<CustomerNotice[]> {
    return this.history.notices(customer.id);
  }

  @Allow('admin')
  @Mutation(() => CustomerErasure, {
    description:
      'GDPR erasure: removes the customer’s email, name, identities and feedback text everywhere it is kept, and stops all mail to them. Cannot be undone.',
  })
  eraseCustomer(@Args('id', { type: () => ID }) id: string): Promise<CustomerErasure> {
    return this.erasure.erase(id);
  }

  @Allow('viewer')
  @Query(() => CustomerConnection, {
    description: 'Customers, newest first, searchable by email or name, a page at a time.',
  })
  customers(
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => CustomerFilterInput, nullable: true })
    filter: CustomerFilterInput | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Customer>> {
    return this.customerService.page(filter, first, after, wantsField(info, 'totalCount'));
  }

  @Allow('viewer')
  @Query(() => Customer, { nullable: true })
  customer(@Args('id', { type: () => ID }) id: string): Promise<Customer | null> {
    return this.customerService.byId(id);
  }

  @ResolveField(() => Int, { description: 'How many feedback items the customer gave.' })
  feedbackCount(@Parent() customer: Customer): Promise<number> | number {
    return customer.feedbackCount ?? this.customerService.feedbackCount(customer.id);
  }

  @ResolveField(() => FeedbackConnection, {
    description: 'The customer’s feedback, newest received first, a page at a time.',
  })
  feedback(
    @Parent() customer: Customer,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => FeedbackFilterInput, nullable: true })
    filter: FeedbackFilterInput | null,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Connection<Feedback>> {
    return this.feedbackService.page(
      { ...(filter ?? {}), customerId: customer.id },
      first,
      after,
      wantsField(info, 'totalCount'),
    );
  }
}
