import { BadRequestException, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
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

export interface ErrorFormatOptions {
  /** Production: no "Did you mean …?" hints that would reveal the schema to a prober. */
  hideSuggestions?: boolean;
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * graphql-js rejects a variable that does not fit its type before any resolver runs and names the
 * place only in words ("Variable "$input" got invalid value … at "input.kind"; <reason>"). This
 * recovers the input path, so such errors carry `extensions.fields` like every other BAD_USER_INPUT,
 * and drops the echoed value (which may be a password).
 */
export function variableProblem(error: unknown): FieldProblem | null {
  if (!(error instanceof GraphQLError)) return null;
  const variable = /^Variable "\$(\w+)"/.exec(error.message);
  if (!variable) return null;
  const reason = error.originalError?.message;
  if (!reason || reason === error.message || !error.message.endsWith(`; ${reason}`)) {
    return { field: variable[1], message: error.message };
  }
  const place = /at "([^"]+)"$/.exec(error.message.slice(0, -(reason.length + 2)))?.[1] ?? variable[1];
  const inputField = /^Field "(\w+)" (?:of required type|is not defined)/.exec(reason)?.[1];
  return { field: inputField ? `${place}.${inputField}` : place, message: reason };
}

function withCode(formatted: GraphQLFormattedError, code: string, message: string, extra: Record<string, unknown> = {}) {
  return { message, locations: formatted.locations, path: formatted.path, extensions: { code, ...extra } };
}

/**
 * The one place where failures become client errors. Domain errors keep their code and message;
 * anything unexpected is logged with its stack and reaches the client only as INTERNAL_SERVER_ERROR,
 * so no stack trace or SQL text ever leaves the server.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: ErrorFormatOptions = {},
): GraphQLFormattedError {
  const shown = (message: string) => (options.hideSuggestions ? message.replace(SUGGESTION, '') : message);
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    const fields = original.code === ErrorCode.BAD_USER_INPUT ? { fields: (original as { fields?: FieldProblem[] }).fields ?? [] } : {};
    return withCode(formatted, original.code, original.message, { ...fields, ...(original.reason ? { reason: original.reason } : {}) });
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
  const problem = code === ErrorCode.BAD_USER_INPUT ? variableProblem(original) : null;
  if (problem) {
    const fields = [{ field: problem.field, message: shown(problem.message) }];
    return withCode(formatted, ErrorCode.BAD_USER_INPUT, `Invalid input: ${problem.field}: ${fields[0].message}`, { fields });
  }
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: shown(formatted.message), locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  logger.error({ err: original, path: formatted.path }, 'Unexpected error while serving a GraphQL request');
  return withCode(formatted, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
}
