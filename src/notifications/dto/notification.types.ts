import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionType, PageArgs } from '../../common/pagination/connection';
import { UN_LANGUAGES, UnLanguage } from '../../reference/data/themes';
import { NotificationKind } from '../notification-kind';

/** The optional language of the texts a reader asks for (the console asks in its own). */
const LanguageArg = () =>
  applyDecorators(
    Field(() => String, {
      nullable: true,
      description: `Language of the texts: ${UN_LANGUAGES.join(', ')}; by default your notification language.`,
    }),
    IsOptional(),
    IsIn(UN_LANGUAGES, { message: `language must be one of ${UN_LANGUAGES.join(', ')}` }),
  );

@ObjectType('Notification', { description: 'Something you were told, in the application (and by e-mail if you chose so).' })
export class NotificationView {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id: string;

  @Field(() => NotificationKind, { description: 'What it is about.' })
  kind: NotificationKind;

  @Field({ description: 'One line, in the requested language.' })
  title: string;

  @Field({ description: 'What happened and what to do, in the requested language.' })
  body: string;

  @Field(() => ID, { nullable: true, description: 'The pairing it is about, while you may see it.' })
  matchId: string | null;

  @Field(() => ID, { nullable: true, description: 'The need it is about, while you may see it.' })
  needId: string | null;

  @Field({ description: 'When it was made.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When you marked it read; null while unread.' })
  readAt: Date | null;
}

@ObjectType({ description: 'Your notifications, newest first.' })
export class NotificationConnection extends ConnectionType(NotificationView, 'Notification') {
  @Field(() => Int, { description: 'How many of all your notifications are unread (whatever the filter).' })
  unreadCount: number;
}

@ArgsType()
export class NotificationLanguageArgs {
  @LanguageArg()
  language?: UnLanguage;
}

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only unread notifications.' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;

  @LanguageArg()
  language?: UnLanguage;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { description: 'Your notifications to mark read (1–100); already read ones stay as they are.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  ids: string[];
}

@ObjectType({ description: 'What marking notifications read left.' })
export class NotificationsRead {
  @Field(() => [ID], { description: 'The notifications now read.' })
  ids: string[];

  @Field(() => Int, { description: 'How many of your notifications are still unread.' })
  unreadCount: number;
}

@ObjectType({ description: 'How one kind of notification reaches you.' })
export class NotificationKindPreference {
  @Field(() => NotificationKind, { description: 'The kind.' })
  kind: NotificationKind;

  @Field({ description: 'By e-mail as well as in the application (false: in the application only).' })
  email: boolean;

  @Field({ description: 'E-mail once a day with the others of the day (false: at once).' })
  digest: boolean;

  @Field({ description: 'This kind is a daily digest by nature; digest cannot be turned off.' })
  alwaysDigest: boolean;
}

@ObjectType('NotificationPreferences', { description: 'Your notification preferences.' })
export class NotificationPreferencesView {
  @Field({ description: `Language of e-mails and notification texts: ${UN_LANGUAGES.join(', ')}.` })
  language: string;

  @Field(() => [NotificationKindPreference], { description: 'Each kind your role receives.' })
  kinds: NotificationKindPreference[];

  @Field({ description: 'Whether this service sends e-mail at all (SMTP_URL is set); without it, notifications stay in the application.' })
  emailEnabled: boolean;
}
