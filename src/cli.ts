import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli/cli.module';
import { DomainError } from './common/errors/domain-errors';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      console.error(error.message);
      process.exit(1);
    },
    serviceErrorHandler: (error) => {
      console.error(error instanceof DomainError ? `${error.code}: ${error.message}` : error.message);
      process.exit(1);
    },
  });
}

void main();
