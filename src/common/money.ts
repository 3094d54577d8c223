/**
 * Money is whole US dollars in a GraphQL Int. One need or offer may not exceed USD 1 billion: far above
 * any PoA/ITI project, well inside a 32-bit integer, and it catches a mistyped number of zeros.
 */
export const MAX_AMOUNT_USD = 1_000_000_000;
