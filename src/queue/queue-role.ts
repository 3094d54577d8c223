/** Which process this is: the API produces jobs (and runs them itself without Redis); the worker consumes them. */
export type QueueRole = 'api' | 'worker';

export const QUEUE_ROLE = Symbol('QUEUE_ROLE');
