import { Field, Float, InputType } from '@nestjs/graphql';
import { CrmRecordKind } from './ingest-enums';
import { MetadataEntryInput } from './metadata-entry.input';

@InputType({ description: 'One CRM record: a ticket, note, order, churn reason or renewal.' })
export class SubmitCrmRecordInput {
  @Field({ description: 'The CRM’s id of the record.' })
  externalId!: string;

  @Field()
  occurredAt!: string;

  @Field(() => CrmRecordKind)
  kind!: CrmRecordKind;

  @Field()
  accountId!: string;

  @Field(() => String, { nullable: true })
  contactId?: string | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  customerEmail?: string | null;

  @Field(() => String, { nullable: true })
  customerName?: string | null;

  @Field(() => String, { nullable: true })
  segment?: string | null;

  @Field(() => String, { nullable: true })
  plan?: string | null;

  @Field(() => Float, { nullable: true })
  revenue?: number | null;

  @Field(() => [MetadataEntryInput], { nullable: true })
  metadata?: MetadataEntryInput[] | null;
}
