import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  ArgumentNode,
  DocumentNode,
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
  TypeInfo,
  validate,
  ValidationRule,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/connection';

/** What a page of objects is counted at when the query does not say how long it is. */
export const LIST_SIZES = {
  /** `first` omitted: the page size the resolvers apply. Lists without `first` are counted as one such page too. */
  omitted: DEFAULT_PAGE_SIZE,
  /** `first: $variable` whose value is not known (a subscription is validated before its variables arrive): the largest page allowed. */
  variable: MAX_PAGE_SIZE,
};

/** Variables of the request, when the caller prices a query with them; unknown ones count as the largest page. */
export type Variables = Readonly<Record<string, unknown>> | undefined;

const PAGE_SIZE_ARGUMENT = 'first';

/**
 * The page size each list field of objects is counted at. GraphQL Armor multiplies a field's cost
 * only by a `first` written as a number, so without this a query that nested lists with the default
 * page size, or took the size from a variable, looked cheap however many objects it fanned out to.
 */
export function withPageSizes(schema: GraphQLSchema, document: DocumentNode, variables?: Variables): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        const definition = typeInfo.getFieldDef();
        if (!definition || !field.selectionSet) return undefined;
        const given = field.arguments?.find((argument) => argument.name.value === PAGE_SIZE_ARGUMENT);
        if (given?.value.kind === Kind.INT) return undefined;
        const paginated = definition.args.some((argument) => argument.name === PAGE_SIZE_ARGUMENT);
        const listOfObjects = isListType(getNullableType(definition.type)) && isObjectType(getNamedType(definition.type));
        if (!paginated && (!listOfObjects || isPageOfConnection(field, typeInfo.getParentType()))) return undefined;
        return withPageSize(field, given ? sizeFromVariable(given, variables) : LIST_SIZES.omitted);
      },
    }),
  );
}

/**
 * The page a `first: $n` asks for: the variable's value where the request has it (the resolvers
 * refuse anything outside 1–MAX_PAGE_SIZE, so a larger value is counted at that largest page), the
 * default page when it is null or left out, and the largest page when the variables are not known.
 */
function sizeFromVariable(argument: ArgumentNode, variables: Variables): number {
  if (!variables || argument.value.kind !== Kind.VARIABLE) return LIST_SIZES.variable;
  const value = variables[argument.value.name.value];
  if (value === undefined || value === null) return LIST_SIZES.omitted;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? Math.min(value, MAX_PAGE_SIZE) : LIST_SIZES.variable;
}

/** A connection's `edges` are the page its `first` already counts. */
function isPageOfConnection(field: FieldNode, parent: GraphQLCompositeType | null | undefined): boolean {
  return field.name.value === 'edges' && !!parent?.name.endsWith('Connection');
}

function withPageSize(field: FieldNode, size: number): FieldNode {
  const pageSize: ArgumentNode = {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: PAGE_SIZE_ARGUMENT },
    value: { kind: Kind.INT, value: String(size) },
  };
  const others = (field.arguments ?? []).filter((argument) => argument.name.value !== PAGE_SIZE_ARGUMENT);
  return { ...field, arguments: [...others, pageSize] };
}

function costRule(maxCost: number, report: (error: GraphQLError) => void): ValidationRule {
  return costLimitRule({
    maxCost,
    objectCost: 2,
    scalarCost: 1,
    depthCostFactor: 1,
    ignoreIntrospection: true,
    propagateOnRejection: false,
    onReject: [(_priced, error) => report(error)],
  });
}

/** The cost limit's refusal of a document priced with the request's variables, or null when it is within the limit. */
export function costRefusal(schema: GraphQLSchema, document: DocumentNode, variables: Variables, maxCost: number): GraphQLError | null {
  let refusal: GraphQLError | null = null;
  validate(schema, withPageSizes(schema, document, variables), [costRule(maxCost, (error) => (refusal ??= error))]);
  return refusal;
}

/** Prices already found for one document: by the values of the variables that size its pages. */
interface KnownPrices {
  pageVariables: string[];
  refusals: Map<string, GraphQLError | null>;
}

/** Different page sizes remembered per document; past this they are forgotten and priced again. */
const PRICES_PER_DOCUMENT = 100;

/** The variables a document's `first` arguments take their page size from. */
function pageVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (argument.name.value === PAGE_SIZE_ARGUMENT && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}

/**
 * `costRefusal`, remembered per document and page sizes: Apollo hands the same parsed document back
 * for the same query text (its document store), and pricing it walks the whole document twice,
 * on every request of a client that asks the same questions again and again.
 */
function rememberedCostRefusal(
  known: WeakMap<DocumentNode, KnownPrices>,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Variables,
  maxCost: number,
) {
  let prices = known.get(document);
  if (!prices) known.set(document, (prices = { pageVariables: pageVariablesOf(document), refusals: new Map() }));
  const key = JSON.stringify(prices.pageVariables.map((name) => variables?.[name] ?? null));
  let refusal = prices.refusals.get(key);
  if (refusal === undefined) {
    refusal = costRefusal(schema, document, variables, maxCost);
    if (prices.refusals.size >= PRICES_PER_DOCUMENT) prices.refusals.clear();
    prices.refusals.set(key, refusal);
  }
  return refusal;
}

/**
 * The cost limit over HTTP, once the request's variables are known: a list sized by `first: $n`
 * counts at the n the request sends, so clients that page with variables (as generated clients do)
 * are priced at what they ask for. Refused as a validation failure, with status 400, as Armor's rule would.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, KnownPrices>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const refusal = rememberedCostRefusal(known, schema, document, request.variables, maxCost);
          if (refusal) {
            throw new GraphQLError(refusal.message, {
              nodes: refusal.nodes,
              extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * GraphQL Armor's cost limit, priced on the document with every list's page size written in
 * (`withPageSizes`). Without a depth factor a query costs about the number of fields it can return
 * (objects 2, scalars 1), so the limit means the same at any depth and the depth limit is left to
 * stop only abuse.
 */
export function queryCostRule(maxCost: number): ValidationRule {
  return (context) => ({
    Document(document) {
      const schema = context.getSchema();
      validate(schema, withPageSizes(schema, document), [costRule(maxCost, (error) => context.reportError(error))]);
      return false;
    },
  });
}
