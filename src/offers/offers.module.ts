import { Module } from '@nestjs/common';
import { OfferChanges } from './offer-changes';
import { OffersResolver } from './offers.resolver';
import { OffersService } from './offers.service';

@Module({
  providers: [OffersService, OffersResolver, OfferChanges],
  exports: [OffersService, OfferChanges],
})
export class OffersModule {}
