import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { Role } from '../../domain/role';
import { IsAcceptablePassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';

@InputType({ description: 'A new account. STATE users need countryIso3; DONOR users need donorId.' })
export class CreateUserInput {
  @Field({ description: 'Sign-in e-mail address.' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field({ description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not one of the most common passwords.` })
  @IsAcceptablePassword()
  password: string;

  @Field(() => Role, { description: 'What the user may do.' })
  @IsEnum(Role)
  role: Role;

  @Field({ nullable: true, description: 'For STATE users: the country they act for.' })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'countryIso3 must be a three-letter ISO 3166-1 alpha-3 code' })
  countryIso3?: string;

  @Field(() => ID, { nullable: true, description: 'For DONOR users: the organisation they act for.' })
  @IsOptional()
  @IsUUID()
  donorId?: string;
}
