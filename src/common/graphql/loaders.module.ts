import { Global, Module } from '@nestjs/common';
import { LoaderRegistry } from './request-loaders';

/** Global so that every feature module can register the batch loaders its field resolvers use. */
@Global()
@Module({
  providers: [LoaderRegistry],
  exports: [LoaderRegistry],
})
export class LoadersModule {}
