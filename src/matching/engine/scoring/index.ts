/**
 * The matching engine's scoring, free of I/O. Prepare needs and offers once (prepareNeed,
 * prepareOffer), index the offers (OfferIndex) or needs (NeedIndex), then score: one pair
 * (scorePair, and reasonsForPair for its facts), a full run (scoreAll, or scoreAllInBatches to write as it goes), one need
 * (scoreNeedAgainstOffers) or one offer (scoreOfferAgainstNeeds). Weights come from resolveWeights.
 */
export * from './types';
export { ThemeTaxonomy, MAX_THEMES } from './theme-taxonomy';
export { DEFAULT_WEIGHTS, resolveWeights } from './scoring-weights';
export type { WeightOverrides } from './scoring-weights';
export { REGION_FIT } from './region-fit';
export type { EligibilityBasis } from './region-fit';
export { prepareNeed, prepareOffer, GENDER_THEME_CODE } from './prepared-forms';
export type { PreparedNeed, PreparedOffer } from './prepared-forms';
export { scorePair, reasonsForPair, EXACT_THEME_CREDIT, GROUP_THEME_CREDIT } from './pair-scorer';
export { OfferIndex, NeedIndex } from './candidate-indexes';
export { scoreAll, scoreAllInBatches, scoreNeedAgainstOffers, scoreOfferAgainstNeeds } from './score-all';
