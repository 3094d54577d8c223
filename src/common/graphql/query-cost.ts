import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import {
  ArgumentNode,
  DocumentNode,
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLCompositeType,
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
  /** `first: $variable`: validation runs before the variables are known, so the largest page allowed. */
  variable: MAX_PAGE_SIZE,
};

const PAGE_SIZE_ARGUMENT = 'first';

/**
 * The page size each list field of objects is counted at. GraphQL Armor multiplies a field's cost
 * only by a `first` written as a number, so without this a query that nested lists with the default
 * page size, or took the size from a variable, looked cheap however many objects it fanned out to.
 */
export function withPageSizes(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
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
        return withPageSize(field, given ? LIST_SIZES.variable : LIST_SIZES.omitted);
      },
    }),
  );
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
      const rule = costLimitRule({
        maxCost,
        objectCost: 2,
        scalarCost: 1,
        depthCostFactor: 1,
        ignoreIntrospection: true,
        propagateOnRejection: false,
        onReject: [(_priced, error) => context.reportError(error)],
      });
      validate(schema, withPageSizes(schema, document), [rule]);
      return false;
    },
  });
}
