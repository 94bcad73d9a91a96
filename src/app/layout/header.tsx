import { useQuery } from '@tanstack/react-query';
import { Menu, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { appQueries } from '../queries';
import { ThemeSwitch } from './theme-switch';
import { UserMenu } from './user-menu';

interface HeaderProps {
  user: string;
  onLogout: () => void;
  navOpen: boolean;
  onToggleNav: () => void;
  /** Where a later part shows failed jobs/tasks at a glance. */
  failures?: ReactNode;
}

export function Header({ user, onLogout, navOpen, onToggleNav, failures }: HeaderProps) {
  const { data: version } = useQuery(appQueries.version());
  return (
    <header className="sticky top-0 z-30 flex h-12 items-center gap-2 border-b border-neutral-200 bg-white px-3 dark:border-neutral-800 dark:bg-neutral-900">
      <button
        type="button"
        className="flex size-8 cursor-pointer items-center justify-center rounded-md hover:bg-neutral-100 md:hidden dark:hover:bg-neutral-800"
        aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
        aria-expanded={navOpen}
        aria-controls="main-nav"
        onClick={onToggleNav}
      >
        {navOpen ? <X aria-hidden className="size-5" /> : <Menu aria-hidden className="size-5" />}
      </button>
      <Link to="/" className="font-semibold text-neutral-900 no-underline hover:no-underline dark:text-neutral-50">
        PBS Deck
      </Link>
      {version ? (
        <span className="hidden text-xs text-neutral-600 sm:inline dark:text-neutral-400">
          Proxmox Backup Server {version.version}-{version.release}
        </span>
      ) : null}
      <div className="ml-auto flex items-center gap-2">
        {failures}
        <ThemeSwitch />
        <UserMenu user={user} onLogout={onLogout} />
      </div>
    </header>
  );
}
