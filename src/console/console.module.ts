import { Module } from '@nestjs/common';
import { ConsoleSite } from './console-site';

/**
 * Serves the web console and the offline GraphQL explorer from the API process, so one process and
 * one origin serve everything. createApp mounts the site and the security headers ahead of the API.
 */
@Module({
  providers: [ConsoleSite],
  exports: [ConsoleSite],
})
export class ConsoleModule {}
