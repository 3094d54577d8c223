import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BadUserInputError } from '../errors/domain-errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({ nullable: true, description: 'Return the items after this cursor (a previous endCursor).' })
  @IsOptional()
  @IsString()
  after?: string;
}

@ObjectType({ description: 'Where a page sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'More items follow this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page; pass it as `after` for the next page.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Edge<T>[];
}

/** Builds the `<Name>Edge` and `<Name>Connection` GraphQL types for a node type. */
export function ConnectionType<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name.toLowerCase()} in a list, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this item in the list.' })
    cursor: string;

    @Field(() => node, { description: `The ${name.toLowerCase()}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount: number;

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursor to fetch them.' })
    pageInfo: PageInfo;

    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges: EdgeType[];
  }
  return ConnectionClass;
}

/**
 * Cursors are opaque to clients. They hold the offset into the list's stable order (each list sorts
 * by a unique key last), which is enough for the list sizes this service has and keeps totalCount cheap.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw BadUserInputError.forField('after', 'Not a cursor this list produced.');
  return Number(match[1]) + 1;
}

export function pageWindow(args: PageArgs): { skip: number; take: number } {
  return { skip: decodeCursor(args.after), take: args.first ?? DEFAULT_PAGE_SIZE };
}

/**
 * The list's length, when a page read with one row past its window (`take + 1`) shows it: a page that
 * is not full ends the list, so most lists, which fit one page, need no COUNT. Null when only a count
 * can tell.
 */
export function totalShownByPage(rowsRead: number, skip: number, take: number): number | null {
  if (rowsRead > take || (rowsRead === 0 && skip > 0)) return null;
  return skip + rowsRead;
}

export function toConnection<T>(items: T[], totalCount: number, skip: number): Connection<T> {
  const edges = items.map((node, index) => ({ node, cursor: encodeCursor(skip + index) }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: skip + items.length < totalCount, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
