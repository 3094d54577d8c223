import { INestApplication, Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { SubscriptionAuth } from '../../auth/subscription-auth';
import { AppConfig } from '../../config/app-config';
import { isProcessMessage } from '../../common/process-messages';
import { STOP_MESSAGE } from '../api-processes';
import { RequestDrain } from './request-drain';

/**
 * 1001 "going away" (RFC 6455): the client may connect again at once, to another replica. A socket is
 * upgraded away from the HTTP server, which therefore cannot end it itself.
 */
const SHUTDOWN_CLOSE = { code: 1001, reason: 'Server shutting down' } as const;

/**
 * How the API stops on SIGTERM (what orchestrators send) or SIGINT (Ctrl-C), in this order:
 *
 * 1. it stops listening: a new connection is refused, so a load balancer's next attempt goes to
 *    another replica; a request arriving on a connection opened earlier is answered 503;
 * 2. it closes every subscription socket with 1001 "Server shutting down";
 * 3. it lets the requests in flight finish;
 * 4. it closes the application: the outbox relay hands what is pending to Redis one last time
 *    (see OutboxRelay.stop), the queue, the Redis connections and the database close;
 * 5. it exits with code 0.
 *
 * One of several API processes (API_PROCESSES) does the same when its primary process tells it to.
 * Past SHUTDOWN_GRACE_MS, or on a second signal, it exits at once with code 1. What was not finished
 * is safe: a transaction that did not commit is rolled back, and outbox rows not handed over stay
 * pending in the database, for the next start to hand over.
 */
export function stopGracefullyOnSignals(app: INestApplication): void {
  const logger = new Logger('Shutdown');
  const graceMs = app.get(AppConfig).SHUTDOWN_GRACE_MS;
  const drain = app.get(RequestDrain);
  let stopping = false;
  let signalled = false;
  /** What set the stop going: a signal, or the primary process of several API processes. */
  const begin = (cause: string) => {
    if (stopping) return;
    stopping = true;
    // Unreferenced: it must not be what keeps a process that has finished stopping alive.
    setTimeout(() => {
      logger.error(`Not stopped within SHUTDOWN_GRACE_MS (${graceMs} ms): exiting now, with ${drain.inFlightCount} requests in flight`);
      process.exit(1);
    }, graceMs).unref();
    stop(app, cause, graceMs, logger).then(
      () => {
        logger.log('Stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.error(`${signal} received again while stopping: exiting now, with ${drain.inFlightCount} requests in flight`);
      process.exit(1);
    }
    signalled = true;
    begin(`${signal} received`);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // One of several API processes is told by its primary. On Ctrl-C the terminal's SIGINT comes too,
  // before or after the message: only a second signal counts as one.
  process.on('message', (message: unknown) => {
    if (isProcessMessage(message, STOP_MESSAGE)) begin('Asked to stop by the primary process');
  });
}

async function stop(app: INestApplication, cause: string, graceMs: number, logger: Logger): Promise<void> {
  const drain = app.get(RequestDrain);
  const sockets = app.get(SubscriptionAuth);
  logger.log(
    `${cause}: refusing new connections, closing subscription sockets (${sockets.openCount}), ` +
      `finishing requests in flight (${drain.inFlightCount}) within ${graceMs} ms`,
  );
  // Stops listening at once; Node also closes the kept-alive connections that are idle.
  (app.getHttpServer() as Server).close();
  const drained = drain.drain();
  sockets.closeAll(SHUTDOWN_CLOSE.code, SHUTDOWN_CLOSE.reason);
  await drained;
  logger.log('Requests in flight finished; closing the queue, Redis and the database');
  await app.close();
}
