import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { validateConfig } from './config/app-config';
import { WorkerModule } from './app/worker.module';

/**
 * `npm run start:worker`: runs matching and allocation-plan jobs from Redis until SIGTERM or SIGINT, then stops taking
 * jobs, lets the running one finish (or, past the grace period, leaves it to BullMQ's stalled-job
 * check to hand to another worker) and exits.
 */
async function main(): Promise<void> {
  if (!validateConfig(process.env).REDIS_URL) {
    throw new Error('REDIS_URL is not set: without Redis the API runs matching jobs itself and no worker is needed.');
  }
  const worker = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  worker.useLogger(worker.get(Logger));
  const logger = worker.get(Logger);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.log(`poa-match worker: ${signal} received, finishing the running job`);
      worker
        .close()
        .then(() => {
          logger.log('poa-match worker: stopped');
          process.exit(0);
        })
        .catch((error: unknown) => {
          process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        });
    });
  }
  logger.log('poa-match worker: consuming jobs (matching, allocation plans)');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
