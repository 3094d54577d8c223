import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from '../config/app-config';
import { ConsoleSite } from '../console/console-site';
import { SECURITY_HEADERS } from '../console/security-headers';
import { MetricsEndpoint } from '../metrics/metrics-endpoint';
import { RequestMetrics } from '../metrics/request-metrics';
import { RequestDrain } from './shutdown/request-drain';

/**
 * Builds the HTTP application exactly as production runs it; the e2e tests use the same function.
 * Signals are not its business: src/main.ts stops the service on them (shutdown/graceful-shutdown.ts).
 */
export async function createApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.disable('x-powered-by');
  // First, so that stopping waits for every request the service has begun to work on.
  app.use(app.get(RequestDrain).handler());
  app.use(app.get(RequestMetrics).httpDurations());
  app.use(app.get(MetricsEndpoint).onApiPort());
  // Both run before the routes Nest registers when the app starts: helmet's headers reach every
  // response, and the console answers only paths that are not the API's.
  app.use(helmet(SECURITY_HEADERS));
  app.use(app.get(ConsoleSite).handler());
  return app;
}
