import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { loadMessages } from './catalog';
import { directionOf, initialLocale, rememberLocale, type Locale } from './locales';
import { isolatedValues } from './format';
import type { MessageId } from './message-ids';

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

/** Loads the chosen language's messages and turns the whole page right to left for Arabic. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [messages, setMessages] = useState<{ locale: Locale; catalog: Record<string, string> } | null>(null);

  useEffect(() => {
    let current = true;
    void loadMessages(locale).then((catalog) => {
      if (current) setMessages({ locale, catalog });
    });
    return () => {
      current = false;
    };
  }, [locale]);

  useEffect(() => {
    if (messages?.locale !== locale) return;
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale, messages]);

  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale: messages?.locale ?? locale, setLocale }), [locale, messages, setLocale]);
  // Until the first catalog arrives there is nothing to say in the reader's language; the page stays blank for that instant.
  if (!messages) return null;
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={messages.locale} messages={messages.catalog} defaultLocale="en" onError={reportMissingMessage}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

function reportMissingMessage(error: { code: string; message: string }) {
  // Locale data for number and date formats comes from the browser's Intl; only a missing message is a bug worth a console error.
  if (error.code === 'MISSING_TRANSLATION') console.error(error.message);
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale outside I18nProvider');
  return value;
}

export type Translate = (id: MessageId, values?: Record<string, string | number | Date>) => string;

/** `t('needs.title')`: a message of the current language, by an id the type checker knows. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback<Translate>(
    (id, values) => intl.formatMessage({ id }, values && isolatedValues(intl.locale as Locale, values)),
    [intl],
  );
}
