import { BadRequestException, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode, FieldProblem } from './domain-errors';

const logger = new Logger('GraphQL');

/** Codes that graphql-js and Apollo raise before any resolver runs; their messages are safe to show. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The ValidationPipe reports class-validator problems as a BadRequestException carrying FieldProblem[]. */
export class InputValidationException extends BadRequestException {
  constructor(readonly fields: FieldProblem[]) {
    super('Some input fields are not valid.');
  }
}

function withCode(formatted: GraphQLFormattedError, code: string, message: string, extra: Record<string, unknown> = {}) {
  return { message, locations: formatted.locations, path: formatted.path, extensions: { code, ...extra } };
}

/**
 * The one place where failures become client errors. Domain errors keep their code and message;
 * anything unexpected is logged with its stack and reaches the client only as INTERNAL_SERVER_ERROR,
 * so no stack trace or SQL text ever leaves the server.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    const fields = original.code === ErrorCode.BAD_USER_INPUT ? { fields: (original as { fields?: FieldProblem[] }).fields ?? [] } : {};
    return withCode(formatted, original.code, original.message, fields);
  }
  if (original instanceof InputValidationException) {
    const summary = original.fields.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
    return withCode(formatted, ErrorCode.BAD_USER_INPUT, `Invalid input: ${summary}`, { fields: original.fields });
  }
  if (original instanceof ThrottlerException) {
    return withCode(formatted, 'TOO_MANY_REQUESTS', 'Too many attempts; wait a minute and try again.');
  }
  if (original instanceof HttpException && original.getStatus() < 500) {
    return withCode(formatted, ErrorCode.BAD_USER_INPUT, original.message);
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error while serving a GraphQL request');
  return withCode(formatted, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
}
