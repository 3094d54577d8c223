import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Offer } from './offer.entity';

/** An offer's themes or theme groups as rows, so lists can filter by theme in SQL. */
@Entity('offer_themes')
@Index(['themeCode'])
export class OfferTheme {
  @PrimaryColumn({ name: 'offer_id', type: 'varchar', length: 36 })
  offerId: string;

  @PrimaryColumn({ name: 'theme_code', type: 'varchar', length: 40 })
  themeCode: string;

  @ManyToOne(() => Offer, (offer) => offer.themeLinks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer: Offer;
}
