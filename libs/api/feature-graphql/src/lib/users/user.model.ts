import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { connectionType } from '../pagination/connection.model';

/** Roles as GraphQL names them; the values are what the database stores. */
export enum UserRoleValue {
  VIEWER = 'viewer',
  CX_LEAD = 'cx_lead',
  ADMIN = 'admin',
}

registerEnumType(UserRoleValue, {
  name: 'UserRole',
  description:
    'VIEWER reads; CX_LEAD also changes themes and actions and announces; ADMIN also manages people, API keys and settings.',
});

@ObjectType({ description: 'A person who signs in to the portal.' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field(() => UserRoleValue)
  role!: UserRoleValue;

  @Field()
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'Set while the account is disabled: it cannot sign in.',
  })
  disabledAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastSignInAt!: Date | null;
}

@ObjectType()
export class UserConnection extends connectionType(User, 'User') {}

@ObjectType({ description: 'A new session: send the token as "Authorization: Bearer <token>".' })
export class SignInResult {
  @Field({ description: 'Shown only now; the server keeps only its hash.' })
  token!: string;

  @Field({
    description:
      'When the session ends unless used earlier (it is extended while in use, up to a maximum).',
  })
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
