import cluster, { Worker } from 'node:cluster';
import { hostname } from 'node:os';
import pino from 'pino';
import { AppConfig } from '../config/app-config';
import { serveClusterMetrics } from '../metrics/cluster-metrics';
import { announceService } from './service-announcement';

/** Sent to an API process instead of a signal: see `stopGracefullyOnSignals`. */
export const STOP_MESSAGE = 'poa-match:stop';

/**
 * Runs API_PROCESSES copies of the API on one port (Node's cluster: this primary process accepts the
 * connections and hands them to the copies in turn). The first copy starts alone, so that it alone
 * brings the database's schema up to date; the others start once it listens. A copy that ends before
 * it listens would end the same way again (a bad setting, the database away), so the whole service
 * stops, as one process would; one that ends later (a crash, a kill) is replaced. SIGTERM or SIGINT
 * stops every copy gracefully, each as a single process stops, and this one exits when they have: 0 if
 * all of them stopped cleanly.
 */
export function superviseApiProcesses(config: AppConfig): void {
  // Written at once (it logs rarely), so that its lines and the console's address keep their order.
  const logger = pino(
    { level: config.LOG_LEVEL, base: { pid: process.pid, hostname: hostname(), service: 'poa-match-api-primary' } },
    pino.destination({ dest: 1, sync: true }),
  );
  const listening = new WeakSet<Worker>();
  let stopping = false;
  let allStoppedCleanly = true;

  /** Resolves once the process listens on PORT (METRICS_PORT, when set, is listened on earlier). */
  const start = (): Promise<void> => {
    const worker = cluster.fork();
    return new Promise((serving) =>
      worker.on('listening', (address) => {
        if (address.port !== config.PORT) return;
        listening.add(worker);
        logger.info(`API process ${worker.process.pid} serves on port ${config.PORT}`);
        serving();
      }),
    );
  };
  const running = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
  const stopAll = () => {
    for (const worker of running()) {
      // A message rather than a signal to a copy that serves: on Ctrl-C the terminal has already
      // signalled every process of the group, and a second signal would make it give up its requests
      // in flight. One still starting has nothing in flight, and listens for no message yet.
      if (listening.has(worker) && worker.isConnected()) worker.send({ type: STOP_MESSAGE });
      else worker.process.kill('SIGTERM');
    }
  };

  serveClusterMetrics();
  void start()
    .then(() => Promise.all(Array.from({ length: config.API_PROCESSES - 1 }, start)))
    .then(() => {
      logger.info(`${config.API_PROCESSES} API processes on port ${config.PORT}`);
      announceService(config.PORT);
    });

  cluster.on('exit', (worker, code, signal) => {
    const ending = signal ?? `code ${code}`;
    if (stopping) {
      if (code !== 0) allStoppedCleanly = false;
      if (!running().length) process.exit(allStoppedCleanly ? 0 : 1);
      return;
    }
    if (!listening.has(worker)) {
      logger.error(`API process ${worker.process.pid} ended (${ending}) before it served: stopping the others`);
      stopping = true;
      allStoppedCleanly = false;
      stopAll();
      if (!running().length) process.exit(1);
      return;
    }
    logger.warn(`API process ${worker.process.pid} ended (${ending}); starting another in its place`);
    void start();
  });

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.error(`${signal} received again while stopping: ending every API process now`);
      for (const worker of running()) worker.process.kill('SIGKILL');
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal} received: stopping ${running().length} API processes`);
    stopAll();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
