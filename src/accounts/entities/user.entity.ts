import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { newId } from '../../common/entity-id';
import { Role } from '../../domain/role';

/** Where an account's password came from, which decides whether it must be changed at sign-in. */
export enum PasswordStatus {
  /** Chosen by the user (or set when the account was created). */
  CHOSEN = 'CHOSEN',
  /** A one-time password from resetPassword, not yet used to sign in. */
  ONE_TIME = 'ONE_TIME',
  /** The one-time password signed in once; it signs in no more, and only changePassword and me are answered. */
  ONE_TIME_USED = 'ONE_TIME_USED',
}
registerEnumType(PasswordStatus, { name: 'PasswordStatus', description: "Where an account's password came from." });

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

  @Field({ description: 'False once an ADMIN has deactivated the account: it cannot sign in and its tokens are refused.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the account was deactivated; null while it is active.' })
  @Column({ name: 'deactivated_at', type: Date, nullable: true })
  deactivatedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the account was deactivated; null while it is active.' })
  @Column({ name: 'deactivation_reason', type: 'varchar', length: 500, nullable: true })
  deactivationReason: string | null;

  @Field(() => PasswordStatus, { description: "Whether the password is the user's own or a one-time password from a reset." })
  @Column({ name: 'password_status', type: 'varchar', length: 16, default: PasswordStatus.CHOSEN })
  passwordStatus: PasswordStatus;

  /**
   * Carried in every token (claim `ver`): deactivation, a password change and a reset raise it, so every
   * token issued before is refused from the next request on.
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @Field({ description: 'When the account was created.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
