import { Module } from '@nestjs/common';
import { RequestDrain } from './request-drain';

/** What stopping the API needs to know of its requests in flight (see graceful-shutdown.ts). */
@Module({
  providers: [RequestDrain],
  exports: [RequestDrain],
})
export class ShutdownModule {}
