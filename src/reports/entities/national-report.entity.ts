import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { Instrument } from '../../domain/enums';
import { newId } from '../../common/entity-id';
import type { DocumentFormat } from '../extraction/extract-text';
import type { DetectedLanguage } from '../analysis/detect-language';

/**
 * A state's national report on the PoA or the ITI, kept as extracted text so its draft needs can
 * always be traced back to it. One document is stored once per country: the content hash is taken
 * over the normalised text, so re-sending the same report finds the stored one.
 */
@ObjectType({ description: "A state's national report on the PoA or the ITI, imported to draw draft needs from it." })
@Entity('national_reports')
@Unique('UQ_national_reports_country_hash', ['countryIso3', 'contentHash'])
@Index(['countryIso3', 'createdAt'])
export class NationalReport {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  /** The reporting state; exposed through `country`. */
  @Column({ name: 'country_iso3', type: 'varchar', length: 3 })
  countryIso3: string;

  @Field(() => Int, { description: 'The year the report was submitted.' })
  @Column({ type: 'integer' })
  year: number;

  @Field(() => Instrument, { description: 'The instrument the report is on.' })
  @Column({ type: 'varchar', length: 3 })
  instrument: Instrument;

  @Field(() => String, {
    description:
      'Language detected in the text: an ISO 639-1 code of a UN language (ar, en, es, fr, ru, zh), or "und" when it could not be told.',
  })
  @Column({ type: 'varchar', length: 3 })
  language: DetectedLanguage;

  @Field(() => String, { description: 'What the document was sent as: PDF, DOCX or TEXT.' })
  @Column({ type: 'varchar', length: 4 })
  format: DocumentFormat;

  @Field(() => String, { nullable: true, description: 'The file name the document was uploaded under, if any.' })
  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  /** The extracted, normalised text; exposed through `text` to the reporting state and the Secretariat. */
  @Column({ type: 'text' })
  text: string;

  @Field({ description: 'SHA-256 of the extracted, normalised text (hexadecimal); identifies the document.' })
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash: string;

  @Field(() => Int, { description: 'How many paragraphs (passages) the text was split into.' })
  @Column({ name: 'paragraph_count', type: 'integer' })
  paragraphCount: number;

  @Field(() => Int, { description: 'How many passages express a need for assistance.' })
  @Column({ name: 'need_passage_count', type: 'integer' })
  needPassageCount: number;

  @Field(() => Int, {
    description: 'Need passages in which no theme was recognised; they produced no draft need (a need names at least one theme).',
  })
  @Column({ name: 'passages_without_theme', type: 'integer' })
  passagesWithoutTheme: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Field({ description: 'When the report was imported.' })
  @CreateDateColumn({ name: 'created_at' })
  createdAt: Date;
}
