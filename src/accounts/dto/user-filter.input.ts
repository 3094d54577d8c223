import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Role } from '../../domain/role';

@InputType({ description: 'Narrows the list of accounts; every given condition must hold.' })
export class UserFilter {
  @Field(() => Role, { nullable: true, description: 'Only accounts with this role.' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;
}
