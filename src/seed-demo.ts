import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DomainError } from './common/errors/domain-errors';
import { AppConfig, validateConfig } from './config/app-config';
import { DemoModule } from './demo/demo.module';
import { assertDemoAllowed, formatDemoSummary, seedDemo } from './demo/seed-demo';

/** `npm run seed:demo`: loads the demonstration into the configured database and prints the accounts. */
async function main(): Promise<void> {
  // Checked before the application starts, so a refused run does not even migrate the database.
  assertDemoAllowed(validateConfig(process.env));
  const app = await NestFactory.createApplicationContext(DemoModule, { logger: ['error', 'warn'], abortOnError: false });
  try {
    const result = await seedDemo(app);
    process.stdout.write(formatDemoSummary(result, `http://localhost:${app.get(AppConfig).PORT}/graphql`));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof DomainError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
