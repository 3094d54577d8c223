import { InputType, OmitType, PartialType } from '@nestjs/graphql';
import { CreateNeedInput } from './create-need.input';

@InputType({
  description:
    'Changes to a need; omitted fields stay as they are, and only those that may be empty (dates, the national report) take null. The country cannot change.',
})
export class UpdateNeedInput extends PartialType(OmitType(CreateNeedInput, ['countryIso3'] as const), { skipNullProperties: false }) {}
