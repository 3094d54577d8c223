import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { DomainError, ErrorCode, FieldProblem } from './domain-errors';
import { InputValidationException } from './graphql-error-formatter';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** What an HTTP client reads when a download is refused: the same code, message and fields a GraphQL client gets. */
export interface HttpErrorBody {
  error: { code: string; message: string; fields?: FieldProblem[]; reason?: string };
}

/**
 * For the plain HTTP endpoints (exports, compendium): domain errors become their HTTP status with a
 * JSON body, so a spreadsheet user's script or the console can say why a download was refused.
 * Anything unexpected is logged and answered 500 without detail, as GraphQL does.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const [status, body] = this.describe(error);
    if (response.headersSent) {
      // A stream that failed half-way cannot change its status; cutting it tells the client it is incomplete.
      this.logger.error({ err: error }, 'An export failed after it had started');
      response.destroy();
      return;
    }
    response
      .writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        ...(status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}),
      })
      .end(JSON.stringify(body));
  }

  private describe(error: unknown): [number, HttpErrorBody] {
    if (error instanceof DomainError) {
      const fields = error.code === ErrorCode.BAD_USER_INPUT ? { fields: (error as { fields?: FieldProblem[] }).fields ?? [] } : {};
      const reason = error.reason ? { reason: error.reason } : {};
      return [STATUS[error.code], { error: { code: error.code, message: error.message, ...fields, ...reason } }];
    }
    if (error instanceof InputValidationException) {
      const summary = error.fields.map((problem) => `${problem.field}: ${problem.message}`).join('; ');
      return [400, { error: { code: ErrorCode.BAD_USER_INPUT, message: `Invalid input: ${summary}`, fields: error.fields } }];
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      return [error.getStatus(), { error: { code: 'BAD_REQUEST', message: error.message } }];
    }
    this.logger.error({ err: error }, 'Unexpected error while serving an HTTP request');
    return [500, { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' } }];
  }
}
