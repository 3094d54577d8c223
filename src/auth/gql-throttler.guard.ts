import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard } from '@nestjs/throttler';

/** The throttler counts per client address; over GraphQL the request sits in the resolver context. */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const { req } = GqlExecutionContext.create(context).getContext<{ req: { res?: unknown } }>();
    return { req: req as Record<string, unknown>, res: (req.res ?? {}) as Record<string, unknown> };
  }
}
