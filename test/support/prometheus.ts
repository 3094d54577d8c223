/** One scrape of a Prometheus text page, read sample by sample. */
export class Scrape {
  constructor(readonly text: string) {}

  /**
   * The value of the sample named `name` whose labels include `labels`, summed over the samples that
   * match (undefined when none does).
   */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    let total: number | undefined;
    for (const line of this.text.split('\n')) {
      const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!sample || sample[1] !== name) continue;
      const present = Object.fromEntries(
        [...(sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1], label[2]]),
      );
      if (Object.entries(labels).every(([key, value]) => present[key] === value)) total = (total ?? 0) + Number(sample[3]);
    }
    return total;
  }

  /** As `value`, 0 when no sample matches: for counters that appear with their first event. */
  count(name: string, labels: Record<string, string> = {}): number {
    return this.value(name, labels) ?? 0;
  }
}

/** GETs a metrics page; the response is returned as is when it is not a 200. */
export async function scrape(url: string, token?: string): Promise<Scrape> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return new Scrape(await response.text());
}
