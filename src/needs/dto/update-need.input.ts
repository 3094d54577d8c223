import { InputType, OmitType, PartialType } from '@nestjs/graphql';
import { CreateNeedInput } from './create-need.input';

@InputType({ description: 'Changes to a need; omitted fields stay as they are. The country cannot change.' })
export class UpdateNeedInput extends PartialType(OmitType(CreateNeedInput, ['countryIso3'] as const)) {}
