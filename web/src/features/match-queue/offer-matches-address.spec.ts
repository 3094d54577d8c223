import { describe, expect, it } from 'vitest';
import { offerMatchesFilterOf, offerMatchesPath, parseOfferMatchesQuery } from './offer-matches-address';

const donor = { ownDonor: 'germany', actsForOthers: false };
const secretariat = { ownDonor: null, actsForOthers: true };

describe('the address of the matches of a donor’s offers', () => {
  it('is always the donor’s own organisation for a donor, whatever the address names', () => {
    expect(parseOfferMatchesQuery('?donor=japan&offer=o1&status=PROPOSED', donor)).toEqual({
      donor: 'germany',
      offer: 'o1',
      status: 'PROPOSED',
    });
    expect(offerMatchesPath({ donor: 'germany', offer: 'o1' }, false)).toBe('/offer-matches?offer=o1');
    expect(offerMatchesFilterOf({ donor: 'germany', offer: '', status: '' }, false)).toEqual({});
  });

  it('keeps the donor the Secretariat chose, and asks the API for that donor’s matches', () => {
    const query = parseOfferMatchesQuery('?donor=japan&status=APPROVED', secretariat);
    expect(query).toEqual({ donor: 'japan', offer: '', status: 'APPROVED' });
    expect(offerMatchesPath(query, true)).toBe('/offer-matches?donor=japan&status=APPROVED');
    expect(offerMatchesFilterOf({ ...query, offer: 'o2' }, true)).toEqual({ donorId: 'japan', offerId: 'o2', status: ['APPROVED'] });
  });

  it('leaves out a status it does not know and an empty choice', () => {
    expect(parseOfferMatchesQuery('?status=LOST', secretariat)).toEqual({ donor: '', offer: '', status: '' });
    expect(offerMatchesPath({}, true)).toBe('/offer-matches');
  });
});
