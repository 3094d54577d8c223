import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { BREAK, DocumentNode, FieldNode, GraphQLError, parse, visit } from 'graphql';
import type { ServerOptions as WsServerOptions } from 'graphql-ws';
import { isStaff, type Actor } from '../../access/actor';
import type { RequestWithActor } from '../../access/access.decorators';
import type { AuthService } from '../../auth/auth.service';
import type { SubscriptionConnectionExtra } from '../../auth/subscription-auth';

/*
 * Who may read the schema: everyone where it is open to all (GRAPHQL_PLAYGROUND, on by default
 * outside production); otherwise the Secretariat and ADMIN, who explore the API in production for the
 * questions the console does not ask. Everyone else gets the refusal Apollo gives when introspection
 * is off.
 */

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Apollo's own words when introspection is off, so a refused client sees what it always saw. */
const REFUSAL =
  'GraphQL introspection is not allowed by Apollo Server, but the query contained __schema or __type. To enable introspection, pass introspection: true to ApolloServer in production';

/** The first `__schema` or `__type` field anywhere in the document (`__typename` is no introspection). */
function introspectionField(document: DocumentNode): FieldNode | null {
  let found: FieldNode | null = null;
  visit(document, {
    Field(field) {
      if (!INTROSPECTION_FIELDS.has(field.name.value)) return undefined;
      found = field;
      return BREAK;
    },
  });
  return found;
}

/** The refusal Apollo gives when introspection is disabled (over HTTP with status 400, as a validation failure). */
function introspectionRefusal(field: FieldNode, http?: { status: number }): GraphQLError {
  return new GraphQLError(REFUSAL, {
    nodes: [field],
    extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, ...(http ? { http } : {}) },
  });
}

/**
 * Apollo answers introspection (it is enabled there) and this plugin refuses it per request: the
 * built-in switch is one setting for everybody, and validation rules cannot see who is asking.
 * The bearer token is resolved only for a document that introspects, and the actor found is left on
 * the request for the AuthGuard, which then does not look it up again.
 */
export function introspectionAccessPlugin(auth: AuthService, openToAll: boolean): ApolloServerPlugin<{ req: RequestWithActor }> {
  // Apollo hands the same parsed document back for the same query text: each is searched once.
  const introspectionFields = new WeakMap<DocumentNode, FieldNode | null>();
  const introspectionFieldOf = (document: DocumentNode): FieldNode | null => {
    let field = introspectionFields.get(document);
    if (field === undefined) introspectionFields.set(document, (field = introspectionField(document)));
    return field;
  };
  const actorOf = async (request: RequestWithActor): Promise<Actor | null> => {
    try {
      return await auth.actorOfRequest(request);
    } catch {
      // An invalid token stays unresolved: the AuthGuard refuses it with its own error.
      return null;
    }
  };
  return {
    async requestDidStart() {
      if (openToAll) return undefined;
      return {
        async didResolveOperation({ document, contextValue }) {
          const field = introspectionFieldOf(document);
          if (field && !isStaff(await actorOf(contextValue.req))) throw introspectionRefusal(field, { status: 400 });
        },
      };
    },
  };
}

/**
 * graphql-ws runs queries too, not only subscriptions, and bypasses Apollo: the same rule for a
 * socket, whose actor was resolved from its connection parameters when it opened.
 */
export function introspectionOverSocket(openToAll: boolean): NonNullable<WsServerOptions['onSubscribe']> {
  return (context, _id, payload) => {
    if (openToAll) return undefined;
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch {
      // graphql-ws parses the query again and reports the syntax error itself.
      return undefined;
    }
    const field = introspectionField(document);
    const { actor } = context.extra as SubscriptionConnectionExtra;
    return field && !isStaff(actor) ? [introspectionRefusal(field)] : undefined;
  };
}
