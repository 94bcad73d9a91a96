import { ChevronDown, LogOut, RotateCcw, User } from 'lucide-react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useDemoReset } from '../demo-reset';

interface UserMenuProps {
  user: string;
  onLogout: () => void;
}

const itemClass =
  'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-focused:bg-neutral-100 dark:data-focused:bg-neutral-800';

export function UserMenu({ user, onLogout }: UserMenuProps) {
  const resetDemo = useDemoReset();
  return (
    <MenuTrigger>
      <Button
        aria-label={`User menu, logged in as ${user}`}
        className="flex h-8 cursor-pointer items-center gap-1 rounded-md px-2 text-sm text-neutral-800 outline-none hover:bg-neutral-100 data-focus-visible:ring-2 data-focus-visible:ring-accent-600 dark:text-neutral-200 dark:hover:bg-neutral-800"
      >
        <User aria-hidden className="size-4" />
        <span className="hidden max-w-40 truncate sm:inline">{user}</span>
        <ChevronDown aria-hidden className="size-3.5" />
      </Button>
      <Popover
        placement="bottom end"
        className="min-w-40 rounded-md border border-neutral-200 bg-white p-1 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
      >
        <Menu
          className="outline-none"
          onAction={(key) => {
            if (key === 'logout') onLogout();
            if (key === 'reset-demo') resetDemo?.();
          }}
        >
          {resetDemo ? (
            <MenuItem id="reset-demo" className={itemClass}>
              <RotateCcw aria-hidden className="size-4" />
              Reset demo data
            </MenuItem>
          ) : null}
          <MenuItem id="logout" className={itemClass}>
            <LogOut aria-hidden className="size-4" />
            Log out
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
