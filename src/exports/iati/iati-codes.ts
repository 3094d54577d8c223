import { DonorKind } from '../../accounts/entities/donor.entity';
import { MatchStatus } from '../../domain/statuses';

/**
 * Codes from the IATI 2.03 code lists (iatistandard.org/en/iati-standard/203/codelists/), for the
 * values poa-match writes; the tests check the export against these lists.
 */
export const IATI_VERSION = '2.03';

/** Sector vocabulary 1 (OECD DAC CRS purpose codes), 15240 "Reintegration and SALW control": every PoA need. */
export const SALW_SECTOR = { vocabulary: '1', code: '15240' } as const;

/** Policy marker vocabulary 1 (OECD DAC CRS), code 1 "Gender Equality". */
export const GENDER_POLICY_MARKER = { vocabulary: '1', code: '1' } as const;

/** PolicySignificance: 0 not targeted, 1 significant objective, 2 principal objective. */
export enum PolicySignificance {
  NOT_TARGETED = '0',
  SIGNIFICANT = '1',
  PRINCIPAL = '2',
}

/** ActivityStatus 1–6. */
export enum ActivityStatus {
  PIPELINE = '1',
  IMPLEMENTATION = '2',
  FINALISATION = '3',
  CLOSED = '4',
  CANCELLED = '5',
  SUSPENDED = '6',
}

/** ActivityDateType 1–4. */
export enum ActivityDateType {
  PLANNED_START = '1',
  ACTUAL_START = '2',
  PLANNED_END = '3',
  ACTUAL_END = '4',
}

/** TransactionType: 2 "Outgoing Commitment", 3 "Disbursement". */
export enum TransactionType {
  OUTGOING_COMMITMENT = '2',
  DISBURSEMENT = '3',
}

/** OrganisationRole: 1 Funding, 4 Implementing. */
export enum OrganisationRole {
  FUNDING = '1',
  IMPLEMENTING = '4',
}

/** OrganisationType: 10 Government, 21 International NGO, 40 Multilateral, 70 Private Sector. */
export const ORGANISATION_TYPE_GOVERNMENT = '10';

const ORGANISATION_TYPES: Record<DonorKind, string> = {
  [DonorKind.STATE]: ORGANISATION_TYPE_GOVERNMENT,
  [DonorKind.INTERNATIONAL_ORGANIZATION]: '40',
  [DonorKind.REGIONAL_ORGANIZATION]: '40',
  [DonorKind.UN_ENTITY]: '40',
  [DonorKind.CIVIL_SOCIETY]: '21',
  [DonorKind.PRIVATE_SECTOR]: '70',
};

export function organisationType(kind: DonorKind): string {
  return ORGANISATION_TYPES[kind];
}

/** ActivityScope 4 "National": a need is one state's. */
export const NATIONAL_SCOPE = '4';

/** BudgetType 1 "Original", BudgetStatus 2 "Committed": the allocation the Secretariat approved. */
export const BUDGET_ORIGINAL = '1';
export const BUDGET_COMMITTED = '2';

/** Pairings a donor has committed to, which the export reports. */
export const REPORTED_PAIRING_STATUSES = [MatchStatus.CONFIRMED, MatchStatus.ACTIVE, MatchStatus.COMPLETED] as const;
export type ReportedPairingStatus = (typeof REPORTED_PAIRING_STATUSES)[number];

/**
 * A confirmed pairing has not started (pipeline), an active one reports progress (implementation),
 * a completed one has finished its work but its accounts may still be reconciled (finalisation).
 */
export const ACTIVITY_STATUS_OF: Record<ReportedPairingStatus, ActivityStatus> = {
  [MatchStatus.CONFIRMED]: ActivityStatus.PIPELINE,
  [MatchStatus.ACTIVE]: ActivityStatus.IMPLEMENTATION,
  [MatchStatus.COMPLETED]: ActivityStatus.FINALISATION,
};
