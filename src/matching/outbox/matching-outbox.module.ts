import { Global, Module } from '@nestjs/common';
import { MatchingOutbox } from './matching-outbox';

/** Global so that needs and offers can ask for rescoring without depending on the matching feature. */
@Global()
@Module({
  providers: [MatchingOutbox],
  exports: [MatchingOutbox],
})
export class MatchingOutboxModule {}
