import { InputType, OmitType, PartialType } from '@nestjs/graphql';
import { CreateOfferInput } from './create-offer.input';

@InputType({
  description:
    'Changes to an offer; omitted fields stay as they are, and only those that may be empty (eligible areas, in-kind terms, grant limits, dates, modality, conditions) take null. Capacity cannot fall below what is already allocated; the donor cannot change.',
})
export class UpdateOfferInput extends PartialType(OmitType(CreateOfferInput, ['donorId'] as const), { skipNullProperties: false }) {}
