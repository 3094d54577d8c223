import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { BadUserInputError, ConflictError } from './domain-errors';
import { formatGraphQLError, variableProblem } from './graphql-error-formatter';

/** What graphql-js and Apollo hand the formatter for a variable that does not fit its type. */
function variableError(message: string, reason?: string): GraphQLError {
  return new GraphQLError(reason ? `${message}; ${reason}` : message, {
    originalError: reason ? new GraphQLError(reason) : undefined,
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

const formatted = (error: GraphQLError): GraphQLFormattedError => error.toJSON();

describe('variableProblem', () => {
  it('names the input path of a bad leaf value', () => {
    const error = variableError(
      'Variable "$input" got invalid value "NOPE" at "input.kind"',
      'Value "NOPE" does not exist in "DonorKind" enum.',
    );
    expect(variableProblem(error)).toEqual({ field: 'input.kind', message: 'Value "NOPE" does not exist in "DonorKind" enum.' });
  });

  it('names a missing or unknown field of an input object, even when the echoed value looks like a path', () => {
    const echoed = '{ title: "A; at \\"input.other\\"; b" }';
    const missing = variableError(
      `Variable "$input" got invalid value ${echoed}`,
      'Field "description" of required type "String!" was not provided.',
    );
    expect(variableProblem(missing)?.field).toBe('input.description');
    const unknown = variableError(
      `Variable "$input" got invalid value ${echoed} at "input.nested"`,
      'Field "colour" is not defined by type "Nested".',
    );
    expect(variableProblem(unknown)?.field).toBe('input.nested.colour');
  });

  it('names a variable that was not given at all', () => {
    expect(variableProblem(variableError('Variable "$id" of required type "ID!" was not provided.'))?.field).toBe('id');
  });

  it('leaves other errors alone', () => {
    expect(variableProblem(new GraphQLError('Cannot query field "x" on type "Query".'))).toBeNull();
    expect(variableProblem(new Error('Variable "$x" is odd'))).toBeNull();
  });
});

describe('formatGraphQLError', () => {
  afterEach(() => jest.restoreAllMocks());

  it('keeps the code, message and fields of domain errors', () => {
    const error = BadUserInputError.forField('input.endDate', 'endDate must be after startDate.');
    const wrapped = new GraphQLError(error.message, { path: ['createNeed'], originalError: error });
    expect(formatGraphQLError(formatted(wrapped), wrapped).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.endDate', message: 'endDate must be after startDate.' }],
    });
    const conflict = new GraphQLError('x', {
      path: ['publishNeed'],
      originalError: new ConflictError('Only a DRAFT need can be published.'),
    });
    expect(formatGraphQLError(formatted(conflict), conflict)).toMatchObject({
      message: 'Only a DRAFT need can be published.',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('turns a bad variable into BAD_USER_INPUT with its field, without echoing the value', () => {
    const error = variableError(
      'Variable "$input" got invalid value { password: "secret-password-1" }',
      'Field "email" of required type "String!" was not provided.',
    );
    const result = formatGraphQLError(formatted(error), error);
    expect(result.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.email', message: 'Field "email" of required type "String!" was not provided.' }],
    });
    expect(JSON.stringify(result)).not.toContain('secret-password-1');
  });

  it('drops suggestions when asked to', () => {
    const error = variableError(
      'Variable "$input" got invalid value "STAT" at "input.kind"',
      'Value "STAT" does not exist in "DonorKind" enum. Did you mean the enum value "STATE"?',
    );
    expect(JSON.stringify(formatGraphQLError(formatted(error), error, { hideSuggestions: true }))).not.toMatch(/did you mean|"STATE"/i);
    expect(formatGraphQLError(formatted(error), error).message).toContain('Did you mean');
  });

  it('hides the detail of anything unexpected', () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = new GraphQLError('x', { path: ['needs'], originalError: new Error('SQLITE_ERROR: no such table: need_themes') });
    expect(formatGraphQLError(formatted(error), error)).toEqual({
      message: 'Internal server error.',
      locations: undefined,
      path: ['needs'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
