/**
 * `work`, or a rejection with `message` once `ms` have passed without it settling: for calls to a
 * server that may be away (Redis), where the client's own retries could otherwise keep a caller waiting.
 */
export async function withinTime<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
