import { Module, OnModuleInit } from '@nestjs/common';
import { LoadersModule } from '../common/graphql/loaders.module';
import { LoaderRegistry } from '../common/graphql/request-loaders';
import { OfferChanges } from './offer-changes';
import { OFFER_BY_ID, OFFER_WITH_LINKS } from './offer-loaders';
import { OffersResolver } from './offers.resolver';
import { OffersService } from './offers.service';

@Module({
  imports: [LoadersModule],
  providers: [OffersService, OffersResolver, OfferChanges],
  exports: [OffersService, OfferChanges],
})
export class OffersModule implements OnModuleInit {
  constructor(
    private readonly loaders: LoaderRegistry,
    private readonly offers: OffersService,
  ) {}

  onModuleInit(): void {
    this.loaders.register(OFFER_BY_ID, this.offers.offerRowsByIds);
    this.loaders.register(OFFER_WITH_LINKS, this.offers.offersByIds);
  }
}
