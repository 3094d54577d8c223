import { useState } from 'react';
import { useT, type Translate } from '../../i18n/I18nProvider';
import { codeMessage } from '../../ui/api-errors';
import { useSession } from '../session/SessionProvider';
import { exportAddress, fileNameOf, refusalOf, type ExportParameters } from './export-address';

/**
 * Fetches a download with the session's bearer token (never in the address, where it would reach
 * logs and history) and hands the file to the browser to save. Resolves to what went wrong, in the
 * reader's language, or null when the file was saved.
 */
async function download(address: string, fallbackName: string, token: string | null, t: Translate): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch(address, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    return codeMessage('NETWORK', t);
  }
  if (!response.ok) {
    const refusal = refusalOf(await response.json().catch(() => null));
    const sentence = codeMessage(refusal?.code ?? 'INTERNAL_SERVER_ERROR', t);
    // The service's own words say which parameter or record it refused (in English, as the API speaks).
    return refusal?.message ? t('exports.error.refused', { reason: sentence, detail: refusal.message }) : sentence;
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return null;
}

/**
 * A button that downloads an export with the given filter; a refusal is shown under it and announced.
 * `check` may stop the download first with a sentence of its own (a choice still to make).
 */
export function DownloadButton({
  id,
  path,
  parameters,
  fileName,
  label,
  check,
}: {
  id: string;
  path: string;
  parameters?: ExportParameters;
  fileName: string;
  label: string;
  check?: () => string | null;
}) {
  const t = useT();
  const { session } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function start() {
    const blocked = check?.() ?? null;
    setProblem(blocked);
    if (blocked) return;
    setBusy(true);
    setProblem(await download(exportAddress(path, parameters), fileName, session?.accessToken ?? null, t));
    setBusy(false);
  }

  return (
    <div className="download">
      <button
        id={id}
        type="button"
        className="button button--secondary"
        disabled={busy}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onClick={() => void start()}
      >
        {busy ? t('exports.downloading') : label}
      </button>
      <div role="alert" id={`${id}-problem`}>
        {problem ? <p className="field__error download__problem">{problem}</p> : null}
      </div>
    </div>
  );
}
