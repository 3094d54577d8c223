import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { formatGraphQLError } from '../errors/graphql-error-formatter';
import { CalendarDate } from './calendar-date.scalar';
import { LoadersModule } from './loaders.module';
import { GraphQLRequestContext, LoaderRegistry } from './request-loaders';

/** The code-first schema is written to schema.gql at the repository root; CI fails when it is stale. */
export const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

/**
 * Apollo behind NestJS, hardened with GraphQL Armor: depth, cost and alias limits sized so every
 * client contract operation passes, no field suggestions and no stack traces in production.
 */
@Module({
  imports: [
    LoadersModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig, LoaderRegistry],
      useFactory: (config: AppConfig, loaders: LoaderRegistry): ApolloDriverConfig => {
        const explorable = config.GRAPHQL_PLAYGROUND ?? !config.isProduction;
        const armor = new ApolloArmor({
          maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
          costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true },
          maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
          maxDirectives: { n: 20 },
          maxTokens: { n: 5000 },
          blockFieldSuggestion: { enabled: config.isProduction },
        }).protect();
        return {
          autoSchemaFile: config.NODE_ENV === 'development' ? SCHEMA_FILE : true,
          sortSchema: true,
          playground: false,
          introspection: explorable,
          plugins: [...armor.plugins, ...(explorable ? [ApolloServerPluginLandingPageLocalDefault()] : [])],
          validationRules: armor.validationRules,
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          resolvers: { Date: new CalendarDate() },
          context: ({ req, res }: { req: GraphQLRequestContext['req']; res: unknown }): GraphQLRequestContext & { res: unknown } => ({
            req,
            res,
            loaders: loaders.forRequest(),
          }),
        };
      },
    }),
  ],
  providers: [CalendarDate],
})
export class ApiGraphQLModule {}
