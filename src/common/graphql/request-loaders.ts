import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

/** Loads many records by key at once; returns them in any order, missing keys simply absent. */
export type BatchLoad<K, V> = (keys: readonly K[]) => Promise<Map<K, V>>;

/**
 * Names one per-request DataLoader and the types of its keys and values. The feature that serves the
 * records exports the token and registers its batch function under it; consumers load through the
 * token and get values of its type. Tokens are told apart by identity: the name is for messages only.
 */
export class LoaderToken<K, V> {
  /** Carries the types, so a loader is registered and loaded with the same ones. */
  declare private readonly types: (key: K) => V;

  constructor(readonly name: string) {}
}

export function loaderToken<K, V>(name: string): LoaderToken<K, V> {
  return new LoaderToken<K, V>(name);
}

type AnyLoaderToken = LoaderToken<unknown, unknown>;

/**
 * Feature modules register their batch functions here once at start-up; every GraphQL request then
 * gets fresh DataLoaders from `forRequest()`, so field resolvers batch their queries within one request
 * and never share a cache across users (no request-scoped providers needed).
 */
@Injectable()
export class LoaderRegistry {
  private readonly batchers = new Map<AnyLoaderToken, BatchLoad<unknown, unknown>>();

  register<K, V>(token: LoaderToken<K, V>, batch: BatchLoad<K, V>): void {
    if (this.batchers.has(token as AnyLoaderToken)) throw new Error(`Loader ${token.name} is registered twice`);
    this.batchers.set(token as AnyLoaderToken, batch as BatchLoad<unknown, unknown>);
  }

  forRequest(): RequestLoaders {
    return new RequestLoaders(this.batchers);
  }
}

export class RequestLoaders {
  private readonly loaders = new Map<AnyLoaderToken, DataLoader<unknown, unknown>>();

  constructor(private readonly batchers: ReadonlyMap<AnyLoaderToken, BatchLoad<unknown, unknown>>) {}

  load<K, V>(token: LoaderToken<K, V>, key: K): Promise<V | null> {
    let loader = this.loaders.get(token as AnyLoaderToken);
    if (!loader) {
      const batch = this.batchers.get(token as AnyLoaderToken);
      if (!batch) throw new Error(`No loader registered for ${token.name}`);
      loader = new DataLoader(async (keys: readonly unknown[]) => {
        const found = await batch(keys);
        return keys.map((key) => found.get(key) ?? null);
      });
      this.loaders.set(token as AnyLoaderToken, loader);
    }
    return loader.load(key) as Promise<V | null>;
  }
}

/** What every GraphQL resolver finds in its context. */
export interface GraphQLRequestContext {
  req: { headers: Record<string, string | string[] | undefined> };
  loaders: RequestLoaders;
}
