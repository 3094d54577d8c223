/** A filter as the GraphQL lists take it; the export endpoints take the same names as query parameters. */
export type ExportParameters = Record<string, string | number | readonly string[] | null | undefined>;

/**
 * The address of a download with a list's filter as its query (src/exports/query-parameters.ts reads
 * it back): lists comma-separated, empty values left out so the export applies the list's defaults.
 */
export function exportAddress(path: string, parameters: ExportParameters = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value === null || value === undefined) continue;
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : value.join(',');
    if (text !== '') query.set(name, text);
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** The file name the service gives in Content-Disposition, or the fallback. */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  const quoted = /filename="([^"]+)"/.exec(contentDisposition ?? '');
  return quoted?.[1] ?? fallback;
}

/** What a refused download's JSON body says (`{ "error": { code, message } }`, see README "Exports"); null when it is not that. */
export function refusalOf(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? { code, message: typeof message === 'string' ? message : '' } : null;
}
