import { EllipsisVertical } from 'lucide-react';
import type { Key } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';

export interface ActionItem {
  id: string;
  label: string;
  danger?: boolean;
}

interface ActionMenuProps {
  /** accessible name of the trigger: "Actions for vm/100" */
  label: string;
  items: ActionItem[];
  onAction: (id: string) => void;
}

const itemClass =
  'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-focused:bg-neutral-100 dark:data-focused:bg-neutral-800';

/** The actions a row offers; nothing is rendered when the user may do none of them. */
export function ActionMenu({ label, items, onAction }: ActionMenuProps) {
  if (items.length === 0) return null;
  return (
    <MenuTrigger>
      <Button
        aria-label={label}
        className="inline-flex size-7 cursor-pointer items-center justify-center rounded-md text-neutral-700 outline-none hover:bg-neutral-100 data-focus-visible:ring-2 data-focus-visible:ring-accent-600 dark:text-neutral-200 dark:hover:bg-neutral-800"
      >
        <EllipsisVertical aria-hidden className="size-4" />
      </Button>
      <Popover
        placement="bottom end"
        className="min-w-44 rounded-md border border-neutral-200 bg-white p-1 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
      >
        <Menu className="outline-none" onAction={(key: Key) => onAction(String(key))}>
          {items.map((item) => (
            <MenuItem
              key={item.id}
              id={item.id}
              className={`${itemClass} ${item.danger ? 'text-red-700 dark:text-red-300' : ''}`}
            >
              {item.label}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
