import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '../domain/role';
import { AccessRefusal, ForbiddenError, UnauthenticatedError } from '../common/errors/domain-errors';
import { BEFORE_PASSWORD_CHANGE_KEY, PUBLIC_KEY, requestOf, ROLES_KEY } from '../access/access.decorators';
import { AuthService } from './auth.service';

/**
 * Applied to every operation: resolves the bearer token into an actor, refuses anonymous calls
 * unless the operation is @Public(), refuses a session that must change its password first unless the
 * operation is @AllowedBeforePasswordChange(), and enforces @Roles(). Ownership rules live in the services.
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

    const actor = await this.auth.actorOfRequest(request);
    if (!actor && !isPublic) throw new UnauthenticatedError();
    if (request.passwordChangeRequired && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE_KEY, targets)) {
      throw new ForbiddenError('Change the one-time password first (changePassword).', AccessRefusal.PASSWORD_CHANGE_REQUIRED);
    }
    if (roles?.length && (!actor || !roles.includes(actor.role))) {
      throw new ForbiddenError(`Only ${roles.join(' or ')} users may do this.`);
    }
    return true;
  }
}
