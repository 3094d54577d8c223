import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';
import { Trimmed } from './validation';

/** A person's reason for a decision; kept in the audit trail. */
@ArgsType()
export class ReasonArgs {
  @Field({ description: 'Why (3–2,000 characters); kept in the audit trail.' })
  @Trimmed()
  @IsString()
  @Length(3, 2000)
  reason: string;
}
