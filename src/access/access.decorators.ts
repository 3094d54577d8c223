import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '../domain/role';
import { Actor, STAFF_ROLES } from './actor';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const BEFORE_PASSWORD_CHANGE_KEY = 'auth:before-password-change';

/** Reachable without signing in; the actor is still resolved when a token is sent. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Answered to a session signed in with a one-time password, which must change it before anything
 * else (changePassword, me, login).
 */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);

/** Only these roles may call the operation. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Only the Secretariat and platform operators may call the operation: its answer spans every state and donor. */
export const StaffOnly = () => Roles(...STAFF_ROLES);

/** The signed-in actor, or null on a public operation called anonymously. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | null => requestOf(context)?.actor ?? null,
);

export interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor | null;
  /** Set with the actor: the token was issued for a one-time password, which must be changed first. */
  passwordChangeRequired?: boolean;
}

export function requestOf(context: ExecutionContext): RequestWithActor | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req?: RequestWithActor }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithActor>();
}
