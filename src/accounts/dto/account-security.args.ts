import { ArgsType, Field, ID, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { User } from '../entities/user.entity';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';
import { Trimmed } from '../../common/validation';

@ArgsType()
export class DeactivateUserArgs {
  @Field(() => ID, { description: 'The account to deactivate.' })
  @IsUUID()
  id: string;

  @Field({ description: 'Why (3–500 characters); shown with the account and kept in the audit trail.' })
  @Trimmed()
  @IsString()
  @Length(3, 500)
  reason: string;
}

@ArgsType()
export class ReactivateUserArgs {
  @Field(() => ID, { description: 'The deactivated account to reactivate.' })
  @IsUUID()
  id: string;
}

@ArgsType()
export class ResetPasswordArgs {
  @Field(() => ID, { description: 'The account whose password is replaced by a one-time password.' })
  @IsUUID()
  userId: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field({ description: 'The password the user signs in with now (after a reset, the one-time password).' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @Field({
    description: `The new password: ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not one of the most common passwords.`,
  })
  @IsAcceptablePassword()
  newPassword: string;
}

@ObjectType({ description: "An account's password replaced by a one-time password, which the ADMIN hands to its owner." })
export class PasswordReset {
  @Field(() => User, { description: 'The account, which must change its password at its next sign-in.' })
  user: User;

  @Field({
    description: 'Signs in once; the account then answers only changePassword and me until the password is changed. Shown only here.',
  })
  oneTimePassword: string;
}
