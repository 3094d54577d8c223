import { Args, ID, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Donor } from '../accounts/entities/donor.entity';
import { rolesGranted } from '../access/policy';
import { OFFER_RULES } from './offer-policy';
import { Actor } from '../access/actor';
import { CurrentActor, Roles } from '../access/access.decorators';
import type { GraphQLRequestContext } from '../common/graphql/request-loaders';
import { ConnectionType, PageArgs } from '../common/pagination/connection';
import { expectedVersionArg } from '../common/expected-version';
import { ReasonArgs } from '../common/reason.args';
import { Country } from '../reference/entities/country.entity';
import { Region } from '../reference/entities/region.entity';
import { Theme } from '../reference/entities/theme.entity';
import { ReferenceService } from '../reference/reference.service';
import { CreateOfferInput } from './dto/create-offer.input';
import { OfferFilter } from './dto/offer-filter.input';
import { UpdateOfferInput } from './dto/update-offer.input';
import { Offer } from './entities/offer.entity';
import { OffersService } from './offers.service';
import { DONOR_BY_ID } from '../accounts/account-loaders';
import { OFFER_WITH_LINKS } from './offer-loaders';

const EXPECTED_VERSION = expectedVersionArg('offer');

@ObjectType({ description: 'A page of offers.' })
export class OfferConnection extends ConnectionType(Offer, 'Offer') {}

@Resolver(() => Offer)
export class OffersResolver {
  constructor(
    private readonly offersService: OffersService,
    private readonly reference: ReferenceService,
  ) {}

  @Query(() => OfferConnection, { description: 'Published offers, and your own drafts; newest first.' })
  offers(
    @CurrentActor() actor: Actor,
    @Args('filter', { nullable: true }) filter: OfferFilter,
    @Args() page: PageArgs,
  ): Promise<OfferConnection> {
    return this.offersService.list(actor, filter ?? {}, page);
  }

  @Query(() => Offer, { description: 'One offer, if you may see it.' })
  offer(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Offer> {
    return this.offersService.findVisible(actor, id);
  }

  @Roles(...rolesGranted(OFFER_RULES, 'post'))
  @Mutation(() => Offer, { description: 'Posts a DRAFT offer for your own donor organisation.' })
  createOffer(@CurrentActor() actor: Actor, @Args('input') input: CreateOfferInput): Promise<Offer> {
    return this.offersService.create(actor, input);
  }

  @Roles(...rolesGranted(OFFER_RULES, 'change'))
  @Mutation(() => Offer, {
    description:
      'Changes an offer of your own organisation. With expectedVersion, refused with CONFLICT when someone else changed the offer first.',
  })
  updateOffer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOfferInput,
    @Args(EXPECTED_VERSION) expectedVersion?: number | null,
  ): Promise<Offer> {
    return this.offersService.update(actor, id, input, expectedVersion);
  }

  @Roles(...rolesGranted(OFFER_RULES, 'change'))
  @Mutation(() => Offer, { description: 'Publishes a DRAFT offer (→ OPEN), so matching can use it.' })
  publishOffer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args(EXPECTED_VERSION) expectedVersion?: number | null,
  ): Promise<Offer> {
    return this.offersService.publish(actor, id, expectedVersion);
  }

  @Roles(...rolesGranted(OFFER_RULES, 'change'))
  @Mutation(() => Offer, { description: 'Withdraws an offer with no allocated capacity; the reason is kept in the audit trail.' })
  withdrawOffer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args() { reason }: ReasonArgs,
    @Args(EXPECTED_VERSION) expectedVersion?: number | null,
  ): Promise<Offer> {
    return this.offersService.withdraw(actor, id, reason, expectedVersion);
  }

  @ResolveField(() => Donor, { description: 'The offering organisation.' })
  donor(offer: Offer, _args: unknown, context: GraphQLRequestContext): Promise<Donor | null> {
    return context.loaders.load(DONOR_BY_ID, offer.donorId);
  }

  @ResolveField(() => [Theme], { description: 'Themes and theme groups offered; a group covers every theme in it.' })
  async themes(offer: Offer, _args: unknown, context: GraphQLRequestContext): Promise<Theme[]> {
    return this.reference.themesInOrder((await withLinks(offer, context))?.themeCodes ?? []);
  }

  @ResolveField(() => [Country], { description: 'Countries the offer names as eligible.' })
  async eligibleCountries(offer: Offer, _args: unknown, context: GraphQLRequestContext): Promise<Country[]> {
    const iso3s = (await withLinks(offer, context))?.eligibleCountryIso3s ?? [];
    return iso3s.flatMap((iso3) => this.reference.findCountry(iso3) ?? []);
  }

  @ResolveField(() => [Region], { description: 'M49 areas the offer names as eligible.' })
  async eligibleRegions(offer: Offer, _args: unknown, context: GraphQLRequestContext): Promise<Region[]> {
    const codes = (await withLinks(offer, context))?.eligibleRegionCodes ?? [];
    return codes.flatMap((code) => this.reference.findRegion(code) ?? []);
  }
}

/** The offer with its themes and eligibility: an offer reached through a match comes without them (OFFER_BY_ID). */
async function withLinks(offer: Offer, context: GraphQLRequestContext): Promise<Offer | null> {
  return offer.themeLinks && offer.eligibility ? offer : context.loaders.load(OFFER_WITH_LINKS, offer.id);
}
