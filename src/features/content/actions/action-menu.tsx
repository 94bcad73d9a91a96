import { EllipsisVertical } from 'lucide-react';
import type { Key } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover, Text } from 'react-aria-components';

export interface ActionItem {
  id: string;
  label: string;
  danger?: boolean;
  /** set when PBS would refuse it: the item stays visible, disabled, with this as its description */
  refusal?: string;
}

interface ActionMenuProps {
  /** accessible name of the trigger: "Actions for vm/100" */
  label: string;
  items: ActionItem[];
  onAction: (id: string) => void;
}

const itemClass =
  'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-focused:bg-neutral-100 dark:data-focused:bg-neutral-800';

/**
 * The actions a row offers. An action PBS would refuse is shown disabled with the reason as its
 * description, so a user who may do some things learns what the others need; when the user may do none,
 * nothing is rendered.
 */
export function ActionMenu({ label, items, onAction }: ActionMenuProps) {
  if (!items.some((item) => !item.refusal)) return null;
  const disabled = items.filter((item) => item.refusal).map((item) => item.id);
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
        <Menu className="outline-none" disabledKeys={disabled} onAction={(key: Key) => onAction(String(key))}>
          {items.map((item) => (
            <MenuItem
              key={item.id}
              id={item.id}
              textValue={item.label}
              className={`${itemClass} ${item.refusal ? 'flex-col items-start opacity-70 data-disabled:cursor-not-allowed' : ''} ${item.danger ? 'text-red-700 dark:text-red-300' : ''}`}
            >
              <Text slot="label">{item.label}</Text>
              {item.refusal ? (
                <Text slot="description" className="text-xs text-neutral-600 dark:text-neutral-400">
                  {item.refusal}
                </Text>
              ) : null}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
