import { PreparedOfferCache } from './prepared-offer-cache';
import { OfferForScoring } from './scoring';
import { anOffer } from './scoring/scoring-fixtures';
import { ScoringInputRepository } from './scoring-input.repository';

/** The database as the cache sees it: the live offers and the change stamp, both changeable by the test. */
class FakeInputs {
  offers: OfferForScoring[] = [anOffer({ id: 'offer-a' })];
  stamp = '1/0';
  offerLoads = 0;
  readonly stampSinces: string[] = [];

  async databaseTimeBefore(): Promise<string> {
    return '2026-11-23 07:00:00';
  }

  async offerChangeStamp(changesSince: string): Promise<string> {
    this.stampSinces.push(changesSince);
    return this.stamp;
  }

  async liveOffers(): Promise<OfferForScoring[]> {
    this.offerLoads += 1;
    return this.offers;
  }
}

const offerIdsOf = async (cache: PreparedOfferCache) => (await cache.offerIndex()).offers.map((offer) => offer.source.id);

describe('PreparedOfferCache', () => {
  let inputs: FakeInputs;
  let cache: PreparedOfferCache;

  beforeEach(() => {
    inputs = new FakeInputs();
    cache = new PreparedOfferCache(inputs as unknown as ScoringInputRepository);
  });

  afterEach(() => jest.useRealTimers());

  it('reads the offers once while the stamp stays the same, checking it on every use', async () => {
    expect(await offerIdsOf(cache)).toEqual(['offer-a']);
    inputs.offers = [anOffer({ id: 'offer-a' }), anOffer({ id: 'offer-b' })];
    expect(await offerIdsOf(cache)).toEqual(['offer-a']);
    expect(inputs.offerLoads).toBe(1);
    expect(inputs.stampSinces).toEqual(['2026-11-23 07:00:00', '2026-11-23 07:00:00']);
  });

  it('reads the offers again once the stamp differs', async () => {
    await cache.offerIndex();
    inputs.offers = [anOffer({ id: 'offer-a' }), anOffer({ id: 'offer-b' })];
    inputs.stamp = '2/0';
    expect(await offerIdsOf(cache)).toEqual(['offer-a', 'offer-b']);
    expect(await offerIdsOf(cache)).toEqual(['offer-a', 'offer-b']);
    expect(inputs.offerLoads).toBe(2);
  });

  it('reads the offers again after five minutes even when the stamp is unchanged', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-23T07:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    await cache.offerIndex();
    jest.setSystemTime(new Date('2026-11-23T07:04:59Z'));
    await cache.offerIndex();
    expect(inputs.offerLoads).toBe(1);
    jest.setSystemTime(new Date('2026-11-23T07:05:01Z'));
    await cache.offerIndex();
    expect(inputs.offerLoads).toBe(2);
  });
});
