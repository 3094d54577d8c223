import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { join } from 'node:path';
import { specifiedRules, validate } from 'graphql';
import type { Context as WsContext, ServerOptions as WsServerOptions } from 'graphql-ws';
import type { RequestWithActor } from '../../access/access.decorators';
import { AuthService } from '../../auth/auth.service';
import { SubscriptionAuth, SubscriptionConnectionExtra } from '../../auth/subscription-auth';
import { AppConfig } from '../../config/app-config';
import { RequestMetrics } from '../../metrics/request-metrics';
import { formatGraphQLError } from '../../common/errors/graphql-error-formatter';
import { CalendarDate } from '../../common/graphql/calendar-date.scalar';
import { introspectionAccessPlugin, introspectionOverSocket } from './introspection-access';
import { LoadersModule } from '../../common/graphql/loaders.module';
import { queryCostPlugin, queryCostRule } from '../../common/graphql/query-cost';
import { GraphQLRequestContext, LoaderRegistry } from '../../common/graphql/request-loaders';

/** The code-first schema is written to schema.gql at the repository root; CI fails when it is stale. */
export const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

/**
 * Apollo behind NestJS, hardened with GraphQL Armor: depth, cost and alias limits sized so every
 * client contract operation passes, no field suggestions and no stack traces in production.
 * No landing page: the explorer is the console's own page at /explorer (src/console/), which loads
 * nothing from another host.
 */
@Module({
  imports: [
    LoadersModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig, LoaderRegistry, AuthService, SubscriptionAuth, RequestMetrics],
      useFactory: (
        config: AppConfig,
        loaders: LoaderRegistry,
        auth: AuthService,
        subscriptionAuth: SubscriptionAuth,
        requestMetrics: RequestMetrics,
      ): ApolloDriverConfig => {
        const introspectionOpenToAll = config.GRAPHQL_PLAYGROUND ?? !config.isProduction;
        const armor = new ApolloArmor({
          maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
          // Priced by query-cost.ts instead, which tells Armor's cost model every list's page size.
          costLimit: { enabled: false },
          maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
          maxDirectives: { n: 20 },
          maxTokens: { n: 5000 },
          blockFieldSuggestion: { enabled: config.isProduction },
        }).protect();
        const validationRules = armor.validationRules;
        const introspectionOnSocket = introspectionOverSocket(introspectionOpenToAll);
        // Subscriptions over graphql-ws: the token travels in the connection parameters and the
        // actor found for it acts in every subscription on that socket, until the token expires or
        // stops counting (subscription-auth.ts checks the account on every message).
        // They bypass Apollo, so GraphQL Armor's depth, cost and alias limits and the introspection rule
        // are applied to them here; graphql-ws validates before it has the variables, so a page sized by
        // a variable counts as the largest page.
        const graphqlWs: GraphQLWsSubscriptionsConfig & Pick<WsServerOptions, 'validate' | 'onNext'> = {
          onConnect: (context: WsContext<Record<string, unknown> | undefined, unknown>) =>
            subscriptionAuth.connect(context.extra as SubscriptionConnectionExtra, context.connectionParams),
          onSubscribe: async (context, id, payload) =>
            (await subscriptionAuth.subscribe(context.extra as SubscriptionConnectionExtra)) ?? introspectionOnSocket(context, id, payload),
          onNext: async (context) => {
            await subscriptionAuth.stillCounts(context.extra as SubscriptionConnectionExtra);
          },
          validate: (schema, document) =>
            validate(schema, document, [...specifiedRules, ...validationRules, queryCostRule(config.GRAPHQL_MAX_COST)]),
        };
        return {
          autoSchemaFile: config.NODE_ENV === 'development' ? SCHEMA_FILE : true,
          sortSchema: true,
          playground: false,
          // Answered here and refused per request by introspectionAccessPlugin, which knows who asks.
          introspection: true,
          plugins: [
            requestMetrics.graphqlPlugin(),
            ...armor.plugins,
            introspectionAccessPlugin(auth, introspectionOpenToAll),
            queryCostPlugin(config.GRAPHQL_MAX_COST),
            // No type or field carries a cache hint, and answers depend on who asks, so the default
            // cache-control plugin had nothing to compute; it alone made Apollo wrap every field's
            // resolver to watch it, on every row of every list.
            ApolloServerPluginCacheControlDisabled(),
          ],
          validationRules,
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          formatError: (formatted, error) => formatGraphQLError(formatted, error, { hideSuggestions: config.isProduction }),
          resolvers: { Date: new CalendarDate() },
          // HTTP requests carry `req`; graphql-ws calls this with its connection context instead, whose
          // actor was resolved from the connection parameters when the socket opened.
          context: ({
            req,
            res,
            extra,
          }: {
            req?: GraphQLRequestContext['req'];
            res?: unknown;
            extra?: SubscriptionConnectionExtra;
          }): GraphQLRequestContext & { req: RequestWithActor; res: unknown } => ({
            req: req ?? { headers: {}, actor: extra?.actor ?? null },
            res,
            loaders: loaders.forRequest(),
          }),
          subscriptions: { 'graphql-ws': graphqlWs },
        };
      },
    }),
  ],
  providers: [CalendarDate],
})
export class ApiGraphQLModule {}
