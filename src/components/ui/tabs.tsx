import type { Key, ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs as AriaTabs } from 'react-aria-components';

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

interface TabsProps {
  label: string;
  items: TabItem[];
  selectedKey?: string;
  onSelectionChange?: (key: string) => void;
}

export function Tabs({ label, items, selectedKey, onSelectionChange }: TabsProps) {
  return (
    <AriaTabs
      selectedKey={selectedKey}
      onSelectionChange={onSelectionChange ? (k: Key) => onSelectionChange(String(k)) : undefined}
    >
      <TabList aria-label={label} className="mb-3 flex gap-1 border-b border-neutral-200 dark:border-neutral-700">
        {items.map((item) => (
          <Tab
            key={item.id}
            id={item.id}
            className="-mb-px cursor-pointer border-b-2 border-transparent px-3 py-1.5 text-sm text-neutral-600 outline-none data-focus-visible:ring-2 data-focus-visible:ring-accent-600 data-selected:border-accent-600 data-selected:font-medium data-selected:text-neutral-900 dark:text-neutral-300 dark:data-selected:border-accent-400 dark:data-selected:text-neutral-50"
          >
            {item.label}
          </Tab>
        ))}
      </TabList>
      {items.map((item) => (
        <TabPanel key={item.id} id={item.id} className="outline-none">
          {item.content}
        </TabPanel>
      ))}
    </AriaTabs>
  );
}
