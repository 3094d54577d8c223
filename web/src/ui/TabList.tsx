import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useLocale } from '../i18n/I18nProvider';
import { directionOf } from '../i18n/locales';
import { tabAfterKey } from './tab-keys';

export interface AddressTab {
  key: string;
  /** The address that shows this tab, so a tab can be bookmarked, shared and opened in a new window. */
  href: string;
  label: ReactNode;
}

/**
 * Tabs whose choice lives in the address: an ARIA tablist of links, one tab in the Tab order (the
 * selected one), the arrows moving between tabs (mirrored right to left) and Home and End to the
 * ends; selection follows the focus. The panel is the caller's: `tabPanelProps` labels it by its tab.
 */
export function TabList({
  label,
  tabs,
  selected,
  panelId,
  onSelect,
}: {
  label: string;
  tabs: readonly AddressTab[];
  selected: string;
  panelId: string;
  onSelect: (tab: AddressTab) => void;
}) {
  const { locale } = useLocale();
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const current = tabs.findIndex((tab) => tab.key === selected);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabAfterKey(event.key, Math.max(current, 0), tabs.length, directionOf(locale));
    if (next === null) return;
    event.preventDefault();
    links.current[next]?.focus();
    onSelect(tabs[next]);
  };

  return (
    <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => (
        <Link
          key={tab.key}
          href={tab.href}
          ref={(element: HTMLAnchorElement | null) => {
            links.current[index] = element;
          }}
          role="tab"
          id={tabId(panelId, tab.key)}
          aria-selected={tab.key === selected}
          aria-controls={panelId}
          tabIndex={tab.key === selected ? 0 : -1}
          className="tabs__tab"
        >
          {tab.label}
        </Link>
      ))}
    </div>
  );
}

const tabId = (panelId: string, key: string) => `${panelId}-tab-${key}`;

/** The attributes of the panel a TabList controls. */
export function tabPanelProps(panelId: string, selected: string) {
  return { id: panelId, role: 'tabpanel', 'aria-labelledby': tabId(panelId, selected) } as const;
}
