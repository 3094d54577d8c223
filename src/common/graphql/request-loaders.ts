import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';

/** Loads many records by key at once; returns them in any order, missing keys simply absent. */
export type BatchLoad<K, V> = (keys: readonly K[]) => Promise<Map<K, V>>;

/**
 * Feature modules register their batch functions here once at start-up; every GraphQL request then
 * gets fresh DataLoaders from `forRequest()`, so field resolvers batch their queries within one request
 * and never share a cache across users (no request-scoped providers needed).
 */
@Injectable()
export class LoaderRegistry {
  private readonly batchers = new Map<string, BatchLoad<unknown, unknown>>();

  register<K, V>(name: string, batch: BatchLoad<K, V>): void {
    if (this.batchers.has(name)) throw new Error(`Loader ${name} is registered twice`);
    this.batchers.set(name, batch as BatchLoad<unknown, unknown>);
  }

  forRequest(): RequestLoaders {
    return new RequestLoaders(this.batchers);
  }
}

export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  constructor(private readonly batchers: ReadonlyMap<string, BatchLoad<unknown, unknown>>) {}

  load<K, V>(name: string, key: K): Promise<V | null> {
    let loader = this.loaders.get(name);
    if (!loader) {
      const batch = this.batchers.get(name);
      if (!batch) throw new Error(`No loader named ${name}`);
      loader = new DataLoader(async (keys: readonly unknown[]) => {
        const found = await batch(keys);
        return keys.map((key) => found.get(key) ?? null);
      });
      this.loaders.set(name, loader);
    }
    return loader.load(key) as Promise<V | null>;
  }
}

/** What every GraphQL resolver finds in its context. */
export interface GraphQLRequestContext {
  req: { headers: Record<string, string | string[] | undefined> };
  loaders: RequestLoaders;
}
