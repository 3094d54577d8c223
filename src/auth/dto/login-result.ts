import { Field, Int, ObjectType } from '@nestjs/graphql';
import { User } from '../../accounts/entities/user.entity';

@ObjectType({ description: 'A signed bearer token and the account it belongs to.' })
export class LoginResult {
  @Field({ description: 'Send as `Authorization: Bearer <accessToken>`; it expires (see expiresIn).' })
  accessToken: string;

  @Field(() => Int, { description: 'Seconds until the token expires.' })
  expiresIn: number;

  @Field(() => User, { description: 'The signed-in account.' })
  user: User;

  @Field({
    description:
      'Signed in with a one-time password: the token answers only changePassword and me (others are FORBIDDEN with reason PASSWORD_CHANGE_REQUIRED) until the password is changed.',
  })
  passwordChangeRequired: boolean;
}
