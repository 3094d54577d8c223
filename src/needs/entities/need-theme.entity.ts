import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Need } from './need.entity';

/** A need's themes as rows, so lists can filter by theme in SQL. */
@Entity('need_themes')
@Index(['themeCode'])
export class NeedTheme {
  @PrimaryColumn({ name: 'need_id', type: 'varchar', length: 36 })
  needId: string;

  @PrimaryColumn({ name: 'theme_code', type: 'varchar', length: 40 })
  themeCode: string;

  @ManyToOne(() => Need, (need) => need.themeLinks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'need_id' })
  need: Need;
}
