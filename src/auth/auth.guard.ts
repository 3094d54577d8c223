import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '../domain/role';
import { ForbiddenError, UnauthenticatedError } from '../common/errors/domain-errors';
import { PUBLIC_KEY, requestOf, ROLES_KEY } from '../access/access.decorators';
import { AuthService } from './auth.service';
import { bearerToken } from '../common/http/bearer-token';

/**
 * Applied to every operation: resolves the bearer token into an actor, refuses anonymous calls
 * unless the operation is @Public(), and enforces @Roles(). Ownership rules live in the services.
 * Over a WebSocket the actor is already resolved when the connection opens (subscription-auth.ts).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    if (!request) return true;
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets);

    if (request.actor === undefined) {
      const token = bearerToken(request.headers.authorization);
      request.actor = token ? await this.auth.actorFromToken(token) : null;
    }
    const actor = request.actor;
    if (!actor && !isPublic) throw new UnauthenticatedError();
    if (roles?.length && (!actor || !roles.includes(actor.role))) {
      throw new ForbiddenError(`Only ${roles.join(' or ')} users may do this.`);
    }
    return true;
  }
}
