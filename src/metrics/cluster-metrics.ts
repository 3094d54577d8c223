import cluster from 'node:cluster';
import { AggregatorRegistry, Registry } from 'prom-client';
import { isProcessMessage } from '../common/process-messages';

/*
 * Several API processes (API_PROCESSES > 1) share one port, and a scrape reaches whichever of them the
 * connection lands on; each therefore answers with the figures of all of them, added up by the primary
 * process (prom-client's AggregatorRegistry, over the cluster's IPC channel) by each metric's aggregator.
 */

const REQUEST = 'poa-match:cluster-metrics-request';
const RESPONSE = 'poa-match:cluster-metrics-response';
/** The primary waits 5 s for each process's figures (prom-client's own limit); this covers that and the way back. */
const ANSWER_TIMEOUT_MS = 7000;

interface MetricsRequest {
  type: typeof REQUEST;
  id: number;
}

interface MetricsResponse {
  type: typeof RESPONSE;
  id: number;
  text?: string;
  error?: string;
}

/** True in one of several API processes started by `superviseApiProcesses`. */
export const isOneOfSeveralApiProcesses = (): boolean => cluster.isWorker;

/** In the primary process: answers each API process that asks for the figures of all of them. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    if (!isProcessMessage<MetricsRequest>(message, REQUEST)) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: RESPONSE, id: message.id, text } satisfies MetricsResponse),
      (error: unknown) =>
        worker.send({
          type: RESPONSE,
          id: message.id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies MetricsResponse),
    );
  });
}

/**
 * In one of several API processes: hands this process's registry to the primary when it collects.
 * Constructing an AggregatorRegistry is what installs that answer in a cluster's worker process.
 */
export function joinClusterMetrics(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry]);
  new AggregatorRegistry();
}

let nextRequestId = 0;

/** In one of several API processes: the figures of all of them, in Prometheus's text format. */
export function clusterMetricsText(): Promise<string> {
  const id = nextRequestId++;
  return new Promise<string>((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!isProcessMessage<MetricsResponse>(message, RESPONSE) || message.id !== id) return;
      settle();
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.text ?? '');
    };
    const timer = setTimeout(() => {
      settle();
      reject(new Error('the primary process did not answer'));
    }, ANSWER_TIMEOUT_MS);
    const settle = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id } satisfies MetricsRequest);
  });
}
