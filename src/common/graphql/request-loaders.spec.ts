import { LoaderRegistry, loaderToken } from './request-loaders';

describe('LoaderRegistry', () => {
  it('batches the keys one request loads through a token, and answers null for a key not found', async () => {
    const registry = new LoaderRegistry();
    const batches: string[][] = [];
    const LENGTH_OF = loaderToken<string, number>('lengthOf');
    registry.register(LENGTH_OF, async (keys) => {
      batches.push([...keys]);
      return new Map(keys.filter((key) => key !== 'missing').map((key) => [key, key.length]));
    });

    const loaders = registry.forRequest();
    await expect(
      Promise.all([loaders.load(LENGTH_OF, 'ab'), loaders.load(LENGTH_OF, 'abc'), loaders.load(LENGTH_OF, 'missing')]),
    ).resolves.toEqual([2, 3, null]);
    expect(batches).toEqual([['ab', 'abc', 'missing']]);
  });

  it('tells tokens apart by identity, not by name', async () => {
    const registry = new LoaderRegistry();
    const first = loaderToken<string, string>('byId');
    const second = loaderToken<string, string>('byId');
    registry.register(first, async (keys) => new Map(keys.map((key) => [key, `first ${key}`])));
    registry.register(second, async (keys) => new Map(keys.map((key) => [key, `second ${key}`])));

    const loaders = registry.forRequest();
    await expect(loaders.load(second, 'x')).resolves.toBe('second x');
  });

  it('refuses a token registered twice, and a token never registered', () => {
    const registry = new LoaderRegistry();
    const BY_ID = loaderToken<string, string>('byId');
    registry.register(BY_ID, async () => new Map());
    expect(() => registry.register(BY_ID, async () => new Map())).toThrow('Loader byId is registered twice');
    expect(() => registry.forRequest().load(loaderToken<string, string>('other'), 'x')).toThrow('No loader registered for other');
  });
});
