import { ArgsType, Field, Float, ObjectType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { UN_LANGUAGES, UnLanguage } from '../../reference/data/themes';
import { Theme } from '../../reference/entities/theme.entity';

/** As long as a need's description may be. */
const MAX_SUGGESTION_TEXT_LENGTH = 20000;

@ArgsType()
export class SuggestThemesArgs {
  @Field({ description: `The text to read, e.g. a need's title and description (1–${MAX_SUGGESTION_TEXT_LENGTH} characters).` })
  @IsString()
  @Length(1, MAX_SUGGESTION_TEXT_LENGTH)
  text: string;

  @Field(() => String, {
    nullable: true,
    description: `The text's language (${UN_LANGUAGES.join(', ')}); detected from the text when omitted.`,
  })
  @IsOptional()
  @IsIn(UN_LANGUAGES)
  language?: UnLanguage;
}

@ObjectType({ description: 'A theme the text appears to concern, with the words that point to it.' })
export class ThemeSuggestion {
  @Field(() => Theme, { description: 'The suggested theme (never a group).' })
  theme: Theme;

  @Field(() => Float, { description: 'Strength of the evidence: 1 or more; one clear keyword scores 1, supporting words add less.' })
  score: number;

  @Field(() => [String], { description: 'The words of the text that point to the theme, as written there.' })
  evidence: string[];
}
