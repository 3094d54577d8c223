import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, validateConfig } from './app-config';

/**
 * @nestjs/config loads an optional `.env` file and refuses to boot on invalid values; the typed
 * AppConfig built from the same environment is what the rest of the code injects.
 */
@Global()
@Module({
  imports: [NestConfigModule.forRoot({ validate: validateConfig, cache: true })],
  providers: [{ provide: AppConfig, inject: [ConfigService], useFactory: () => validateConfig(process.env) }],
  exports: [AppConfig],
})
export class ConfigModule {}
