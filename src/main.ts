import 'reflect-metadata';
import cluster from 'node:cluster';
import { superviseApiProcesses } from './app/api-processes';
import { createApp } from './app/app.factory';
import { announceService } from './app/service-announcement';
import { stopGracefullyOnSignals } from './app/shutdown/graceful-shutdown';
import { AppConfig, configFromEnvironment } from './config/app-config';

async function serveApi(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen(config.PORT);
  stopGracefullyOnSignals(app);
  if (cluster.isPrimary) announceService(config.PORT);
}

async function main(): Promise<void> {
  const config = configFromEnvironment();
  if (config.API_PROCESSES > 1 && cluster.isPrimary) superviseApiProcesses(config);
  else await serveApi();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
