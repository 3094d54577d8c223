import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { Instrument } from '../../domain/enums';
import { FIRST_REPORT_YEAR } from '../report-year';

@InputType({
  description:
    'A national report to import: exactly one of `text` or `fileBase64`. STATE users import for their own country; SECRETARIAT and ADMIN name the country.',
})
export class ImportNationalReportInput {
  @Field({ nullable: true, description: 'SECRETARIAT and ADMIN only: the reporting country (ISO alpha-3).' })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'countryIso3 must be a three-letter ISO 3166-1 alpha-3 code' })
  countryIso3?: string;

  @Field(() => Int, { description: `The year the report was submitted (${FIRST_REPORT_YEAR} to next year).` })
  @IsInt()
  @Min(FIRST_REPORT_YEAR)
  year: number;

  @Field(() => Instrument, { description: 'The instrument the report is on.' })
  @IsEnum(Instrument)
  instrument: Instrument;

  @Field({ nullable: true, description: 'The report as plain text (at most 20 MiB in UTF-8).' })
  @IsOptional()
  @IsString()
  text?: string;

  @Field({
    nullable: true,
    description: 'The report file (PDF, Word .docx or UTF-8 text, at most 20 MiB) in standard base64; line breaks are allowed.',
  })
  @IsOptional()
  @IsString()
  fileBase64?: string;

  @Field({ nullable: true, description: 'The file name, e.g. "report-2024.pdf"; its extension must agree with the content.' })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  fileName?: string;
}
