import { Field, InputType } from '@nestjs/graphql';
import { UserRoleValue } from './user.model';

@InputType()
export class CreateUserInput {
  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field(() => UserRoleValue)
  role!: UserRoleValue;

  @Field({ description: 'At least 12 characters; the person can change it after signing in.' })
  password!: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => UserRoleValue, { nullable: true })
  role?: UserRoleValue | null;
}
