import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';

/** Builds the HTTP application exactly as production runs it; the e2e tests use the same function. */
export async function createApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  return app;
}
