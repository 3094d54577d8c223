import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

/** Every page has its own title (announced by screen readers on navigation) and one h1. */
export function Page({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} – ${t('shell.productName')}`;
  }, [title, t]);
  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <h1 className="page__title">{title}</h1>
      {children}
    </div>
  );
}

/** Shown while a page's data loads: announced politely, never a blank screen. */
export function Loading() {
  const t = useT();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
