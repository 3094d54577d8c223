import { MigrationInterface, QueryRunner } from 'typeorm';
import { runForDialect } from '../dialect-migration';

export class Notifications1796408960463 implements MigrationInterface {
  name = 'Notifications1796408960463';

  async up(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "CREATE TABLE \"email_deliveries\" (\"key\" varchar(120) PRIMARY KEY NOT NULL, \"user_id\" varchar(36) NOT NULL, \"notification_ids\" text NOT NULL, \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"sent_at\" datetime, \"sent_to\" varchar(254), \"attempts\" integer NOT NULL DEFAULT (0), \"next_attempt_at\" datetime, \"claimed_until\" datetime, \"last_error\" text)",
        "CREATE INDEX \"IDX_e50d9ab4daa9d54ab3aa8ad682\" ON \"email_deliveries\" (\"sent_at\", \"next_attempt_at\") ",
        "CREATE TABLE \"notifications\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"user_id\" varchar(36) NOT NULL, \"kind\" varchar(40) NOT NULL, \"event_key\" varchar(120) NOT NULL, \"match_id\" varchar(36), \"need_id\" varchar(36), \"params\" text NOT NULL, \"digest_pending\" boolean NOT NULL DEFAULT (0), \"created_at\" datetime NOT NULL DEFAULT (datetime('now')), \"read_at\" datetime, CONSTRAINT \"UQ_notifications_user_event\" UNIQUE (\"user_id\", \"event_key\"))",
        "CREATE INDEX \"IDX_fcaca24fd363b5368107f27ea9\" ON \"notifications\" (\"digest_pending\", \"user_id\") ",
        "CREATE INDEX \"IDX_310667f935698fcd8cb319113a\" ON \"notifications\" (\"user_id\", \"created_at\") ",
        "CREATE TABLE \"notification_preferences\" (\"user_id\" varchar(36) PRIMARY KEY NOT NULL, \"language\" varchar(2) NOT NULL, \"kinds\" text NOT NULL, \"updated_at\" datetime NOT NULL DEFAULT (datetime('now')))",
      ],
      postgres: [
        "CREATE TABLE \"email_deliveries\" (\"key\" character varying(120) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"notification_ids\" text NOT NULL, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"sent_at\" TIMESTAMP, \"sent_to\" character varying(254), \"attempts\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP, \"claimed_until\" TIMESTAMP, \"last_error\" text, CONSTRAINT \"PK_f75a0533d72d0b3454cac14fc80\" PRIMARY KEY (\"key\"))",
        "CREATE INDEX \"IDX_e50d9ab4daa9d54ab3aa8ad682\" ON \"email_deliveries\"  (\"sent_at\", \"next_attempt_at\") ",
        "CREATE TABLE \"notifications\" (\"id\" character varying(36) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"kind\" character varying(40) NOT NULL, \"event_key\" character varying(120) NOT NULL, \"match_id\" character varying(36), \"need_id\" character varying(36), \"params\" text NOT NULL, \"digest_pending\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP NOT NULL DEFAULT now(), \"read_at\" TIMESTAMP, CONSTRAINT \"UQ_notifications_user_event\" UNIQUE (\"user_id\", \"event_key\"), CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))",
        "CREATE INDEX \"IDX_fcaca24fd363b5368107f27ea9\" ON \"notifications\"  (\"digest_pending\", \"user_id\") ",
        "CREATE INDEX \"IDX_310667f935698fcd8cb319113a\" ON \"notifications\"  (\"user_id\", \"created_at\") ",
        "CREATE TABLE \"notification_preferences\" (\"user_id\" character varying(36) NOT NULL, \"language\" character varying(2) NOT NULL, \"kinds\" text NOT NULL, \"updated_at\" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT \"PK_64c90edc7310c6be7c10c96f675\" PRIMARY KEY (\"user_id\"))",
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await runForDialect(queryRunner, {
      sqlite: [
        "DROP TABLE \"notification_preferences\"",
        "DROP INDEX \"IDX_310667f935698fcd8cb319113a\"",
        "DROP INDEX \"IDX_fcaca24fd363b5368107f27ea9\"",
        "DROP TABLE \"notifications\"",
        "DROP INDEX \"IDX_e50d9ab4daa9d54ab3aa8ad682\"",
        "DROP TABLE \"email_deliveries\"",
      ],
      postgres: [
        "DROP TABLE \"notification_preferences\"",
        "DROP INDEX \"public\".\"IDX_310667f935698fcd8cb319113a\"",
        "DROP INDEX \"public\".\"IDX_fcaca24fd363b5368107f27ea9\"",
        "DROP TABLE \"notifications\"",
        "DROP INDEX \"public\".\"IDX_e50d9ab4daa9d54ab3aa8ad682\"",
        "DROP TABLE \"email_deliveries\"",
      ],
    });
  }
}
