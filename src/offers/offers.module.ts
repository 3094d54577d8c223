import { Module } from '@nestjs/common';
import { OffersResolver } from './offers.resolver';
import { OffersService } from './offers.service';

@Module({
  providers: [OffersService, OffersResolver],
  exports: [OffersService],
})
export class OffersModule {}
