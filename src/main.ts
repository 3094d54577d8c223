import 'reflect-metadata';
import { createApp } from './app/app.factory';
import { stopGracefullyOnSignals } from './app/shutdown/graceful-shutdown';
import { AppConfig } from './config/app-config';

async function main(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen(config.PORT);
  stopGracefullyOnSignals(app);
  process.stdout.write(
    `poa-match: console at http://localhost:${config.PORT}/, GraphQL at /graphql (explorer at /explorer), health at /health\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
