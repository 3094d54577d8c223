import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A text in each of the six UN languages, keyed by ISO 639-1 code.' })
export class LocalizedText {
  @Field({ description: 'English.' })
  en: string;

  @Field({ description: 'French.' })
  fr: string;

  @Field({ description: 'Spanish.' })
  es: string;

  @Field({ description: 'Russian.' })
  ru: string;

  @Field({ description: 'Chinese.' })
  zh: string;

  @Field({ description: 'Arabic.' })
  ar: string;
}
