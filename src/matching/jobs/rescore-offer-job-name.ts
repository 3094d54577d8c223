/**
 * The rescore-offer job's name, in a module of its own: the scoring inputs count these outbox
 * messages to notice offer changes, and importing the job class there would close an import cycle
 * through the engine.
 */
export const RESCORE_OFFER_JOB = 'rescore-offer';
