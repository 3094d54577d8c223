import { Field, ObjectType } from '@nestjs/graphql';
import { Match } from '../../matching/entities/match.entity';

@ObjectType({ description: 'A confirmed or active pairing that has gone without a progress report for too long.' })
export class OverdueReporting {
  @Field(() => Match, { description: 'The pairing.' })
  match: Match;

  @Field(() => Date, { nullable: true, description: 'When its last report was filed; null when none ever was.' })
  lastReportAt: Date | null;
}
