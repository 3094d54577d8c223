/**
 * Every failure a client can act on is one of these. The GraphQL layer maps them to
 * `extensions.code` in one place (graphql-error-formatter.ts), so services never build
 * transport errors themselves.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** One rejected input field: `field` is the input path, such as `input.themeCodes` or `input.endDate`. */
export interface FieldProblem {
  field: string;
  message: string;
  /** The rule the value broke, where it has a name (class-validator's: `maxLength`, `isNotEmpty`…), so clients can word it in their reader's language. */
  rule?: string;
}

/**
 * Why an account's access is refused, beside UNAUTHENTICATED or FORBIDDEN (`extensions.reason`), for
 * clients that act on it: tell the reader the account was deactivated, sign in again, or go to the
 * password change.
 */
export enum AccessRefusal {
  /** An ADMIN deactivated the account: neither its tokens nor its password work. */
  ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED',
  /** The token was issued before the account's password changed or was reset, or before a deactivation. */
  TOKEN_REVOKED = 'TOKEN_REVOKED',
  /** A one-time password from a reset, already used to sign in once. */
  ONE_TIME_PASSWORD_USED = 'ONE_TIME_PASSWORD_USED',
  /** Signed in with a one-time password: only changePassword and me are answered until it is changed. */
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Set where the client can act on why access was refused. */
  readonly reason?: AccessRefusal;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;

  constructor(
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }

  static forField(field: string, message: string): BadUserInputError {
    return new BadUserInputError(message, [{ field, message }]);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;

  constructor(
    message = 'You must be logged in to do this.',
    override readonly reason?: AccessRefusal,
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;

  constructor(
    message = 'You are not allowed to do this.',
    override readonly reason?: AccessRefusal,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;

  constructor(entity: string, id: string) {
    super(`${entity} ${id} does not exist or is not visible to you.`);
  }
}

export class ConflictError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
}

/** A server the service depends on (Redis) did not answer; the same request may succeed later. */
export class ServiceUnavailableError extends DomainError {
  readonly code = ErrorCode.SERVICE_UNAVAILABLE;
}
