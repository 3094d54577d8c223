import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Role } from '../../domain/role';

@InputType({ description: 'Narrows the list of accounts; every given condition must hold.' })
export class UserFilter {
  @Field(() => Role, { nullable: true, description: 'Only accounts with this role.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: 'True: only active accounts; false: only deactivated ones.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field({
    nullable: true,
    description: "Only accounts whose e-mail address, or whose donor organisation's name, contains this text (any case).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @Field({ nullable: true, description: 'Only STATE accounts acting for this country (ISO 3166-1 alpha-3).' })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'countryIso3 must be a three-letter ISO 3166-1 alpha-3 code' })
  countryIso3?: string;

  @Field(() => ID, { nullable: true, description: 'Only DONOR accounts acting for this organisation.' })
  @IsOptional()
  @IsUUID()
  donorId?: string;
}
