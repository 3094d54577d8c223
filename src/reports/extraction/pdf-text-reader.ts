import { Worker } from 'node:worker_threads';
import { Semaphore } from 'async-mutex';

export type PdfTextResult =
  | { outcome: 'TEXT'; text: string }
  | { outcome: 'PASSWORD_PROTECTED' }
  | { outcome: 'UNREADABLE'; reason: string }
  | { outcome: 'TOO_COMPLEX'; reason: string };

export interface PdfReadLimits {
  timeoutMs: number;
  maxHeapMb: number;
}

export const DEFAULT_PDF_READ_LIMITS: PdfReadLimits = { timeoutMs: 60_000, maxHeapMb: 1024 };

/**
 * PDF reads at once in this process. Each takes a thread that may grow to `maxHeapMb`, so uploads
 * arriving together wait their turn instead of taking that much memory each; a read's deadline
 * starts when its turn comes.
 */
export const PDF_READS_AT_ONCE = 2;
export const pdfReadTurns = new Semaphore(PDF_READS_AT_ONCE);

interface PdfWorkerInput {
  pdfParseEntry: string;
  pdf: Uint8Array;
}

/**
 * Runs inside the worker thread. Plain JavaScript, because a worker cannot load TypeScript
 * sources; pdf-parse's `PDFParse` is the same API as in the main thread. An empty `pageJoiner`
 * leaves out pdf-parse's "-- 1 of 3 --" page markers. Verbosity 0 keeps pdf.js warnings about
 * odd fonts out of the service log.
 */
const PDF_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.pdfParseEntry);

async function readText() {
  const parser = new PDFParse({ data: workerData.pdf, verbosity: 0 });
  try {
    const result = await parser.getText({ pageJoiner: '' });
    return { outcome: 'TEXT', text: result.text };
  } catch (error) {
    if (error && error.name === 'PasswordException') return { outcome: 'PASSWORD_PROTECTED' };
    return { outcome: 'UNREADABLE', reason: String((error && error.message) || error) };
  } finally {
    await parser.destroy();
  }
}

readText().then((result) => parentPort.postMessage(result));
`;

/**
 * Extracts the text layer of a PDF with pdf-parse in a worker thread. Parsing an uploaded PDF can
 * take seconds and much memory, so it must neither block the API's event loop nor grow without
 * bound: the worker is stopped after `timeoutMs` and held to its own heap limit, and at most
 * PDF_READS_AT_ONCE workers run at a time. The worker also
 * loads pdf.js's ESM-only worker module with a native dynamic import, which jest's CommonJS
 * module system cannot do in the main thread.
 */
export function readPdfText(pdf: Buffer, limits: PdfReadLimits = DEFAULT_PDF_READ_LIMITS): Promise<PdfTextResult> {
  return pdfReadTurns.runExclusive(() => readInThread(pdf, limits));
}

function readInThread(pdf: Buffer, limits: PdfReadLimits): Promise<PdfTextResult> {
  // A copy, so the transfer below can never detach a pooled buffer the caller still uses.
  const ownBytes = new Uint8Array(pdf);
  const input: PdfWorkerInput = { pdfParseEntry: require.resolve('pdf-parse'), pdf: ownBytes };

  return new Promise((resolve, reject) => {
    const worker = new Worker(PDF_WORKER_SOURCE, {
      eval: true,
      workerData: input,
      transferList: [ownBytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    });
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      finish();
    };
    const deadline = setTimeout(
      () => settle(() => resolve({ outcome: 'TOO_COMPLEX', reason: `not read within ${limits.timeoutMs} ms` })),
      limits.timeoutMs,
    );

    worker.once('message', (result: PdfTextResult) => settle(() => resolve(result)));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? resolve({ outcome: 'TOO_COMPLEX', reason: `needs more than ${limits.maxHeapMb} MB of memory` })
          : reject(error),
      ),
    );
    worker.once('exit', (exitCode) =>
      settle(() => reject(new Error(`The PDF reader stopped with exit code ${exitCode} before answering.`))),
    );
  });
}
