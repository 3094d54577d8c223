import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { UN_LANGUAGES, UnLanguage } from '../../reference/data/themes';
import { NotificationKind } from '../notification-kind';

@InputType({ description: 'How one kind of notification reaches you.' })
export class NotificationKindPreferenceInput {
  @Field(() => NotificationKind, { description: 'The kind.' })
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field({ description: 'By e-mail as well as in the application (false: in the application only).' })
  @IsBoolean()
  email: boolean;

  @Field({ description: 'E-mail once a day with the others of the day (false: at once).' })
  @IsBoolean()
  digest: boolean;
}

@InputType({ description: 'Your notification preferences; what you leave out stays as it is.' })
export class UpdateNotificationPreferencesInput {
  @Field(() => String, { nullable: true, description: `Language of e-mails and notification texts: ${UN_LANGUAGES.join(', ')}.` })
  @IsOptional()
  @IsIn(UN_LANGUAGES, { message: `language must be one of ${UN_LANGUAGES.join(', ')}` })
  language?: UnLanguage;

  @Field(() => [NotificationKindPreferenceInput], { nullable: true, description: 'Kinds to change.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => NotificationKindPreferenceInput)
  kinds?: NotificationKindPreferenceInput[];
}
