import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

/** Sources an integrator API key may submit; the values are what the database stores. */
export enum ApiKeyScope {
  SURVEY = 'survey',
  SOCIAL = 'social',
  CRM = 'crm',
  STAFF = 'staff',
}

registerEnumType(ApiKeyScope, { name: 'ApiKeyScope' });

@ObjectType({
  description: 'An integrator API key; the key itself is never shown again after creation.',
})
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The public part of the key, `clk_<prefix>_…`.' })
  prefix!: string;

  @Field(() => [ApiKeyScope])
  scopes!: ApiKeyScope[];

  @Field()
  createdBy!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field({ description: 'The whole key: shown only now, stored only as a hash.' })
  key!: string;

  @Field(() => ApiKey)
  apiKey!: ApiKey;
}
