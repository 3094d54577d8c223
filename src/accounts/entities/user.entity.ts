import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { newId } from '../../common/entity-id';
import { Role } from '../../domain/role';

@ObjectType({ description: 'A person who signs in.' })
@Entity('users')
export class User {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @Field({ description: 'Sign-in e-mail address, unique, lower case.' })
  @Column({ type: 'varchar', length: 254, unique: true })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => Role, { description: 'What the user may do.' })
  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /** Set for STATE users: the country whose needs they file. */
  @Column({ name: 'country_iso3', type: 'varchar', length: 3, nullable: true })
  countryIso3: string | null;

  /** Set for DONOR users: the organisation whose offers they post. */
  @Column({ name: 'donor_id', type: 'varchar', length: 36, nullable: true })
  donorId: string | null;

  @Field({ description: 'When the account was created.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
