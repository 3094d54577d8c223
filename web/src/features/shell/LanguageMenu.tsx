import { useLocale, useT } from '../../i18n/I18nProvider';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../i18n/locales';

/** "Language", in the current language, listing each language by its own name. */
export function LanguageMenu() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div className="language-menu">
      <label htmlFor="language-menu">{t('shell.language')}</label>
      <select
        id="language-menu"
        className="select select--compact"
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
