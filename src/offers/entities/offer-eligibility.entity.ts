import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Offer } from './offer.entity';

/**
 * One country (ISO alpha-3, letters) or M49 area (three digits) an offer is open to. Both kinds share
 * a table because the two code systems cannot collide and "eligible in X" is then one indexed lookup.
 */
@Entity('offer_eligibility')
@Index(['areaCode'])
export class OfferEligibility {
  @PrimaryColumn({ name: 'offer_id', type: 'varchar', length: 36 })
  offerId: string;

  @PrimaryColumn({ name: 'area_code', type: 'varchar', length: 3 })
  areaCode: string;

  @ManyToOne(() => Offer, (offer) => offer.eligibility, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer: Offer;

  get isCountry(): boolean {
    return /^[A-Z]{3}$/.test(this.areaCode);
  }
}
