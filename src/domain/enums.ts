import { registerEnumType } from '@nestjs/graphql';

/** Shared by needs, offers and matching (seed 000 para 77, 90). */
export enum AssistanceType {
  FINANCIAL = 'FINANCIAL',
  TECHNICAL_EXPERTISE = 'TECHNICAL_EXPERTISE',
  EQUIPMENT = 'EQUIPMENT',
  TRAINING = 'TRAINING',
  TECHNOLOGY_TRANSFER = 'TECHNOLOGY_TRANSFER',
}
registerEnumType(AssistanceType, { name: 'AssistanceType', description: 'Kind of assistance.' });

/** Who may see a need besides its own state and the Secretariat. */
export enum Visibility {
  PUBLIC = 'PUBLIC',
  DONORS = 'DONORS',
  SECRETARIAT = 'SECRETARIAT',
}
registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'PUBLIC: anyone, even without signing in; DONORS: signed-in donors; SECRETARIAT: only the Secretariat.',
});

/** Cooperation modality (seed 000 para 14). */
export enum Modality {
  NORTH_SOUTH = 'NORTH_SOUTH',
  SOUTH_SOUTH = 'SOUTH_SOUTH',
  TRIANGULAR = 'TRIANGULAR',
}
registerEnumType(Modality, { name: 'Modality', description: 'Cooperation modality.' });

export enum Instrument {
  POA = 'POA',
  ITI = 'ITI',
}
registerEnumType(Instrument, {
  name: 'Instrument',
  description: 'POA: Programme of Action on small arms and light weapons; ITI: International Tracing Instrument.',
});
