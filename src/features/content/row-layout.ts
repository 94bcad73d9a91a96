// One column layout for the header and every row. The tree's own width (a container query) decides which
// columns show, so it also collapses when the detail panel takes half of a wide screen.
import { cn } from '@/components/ui/cn';

export const ROW_HEIGHT = 36;

export const rowGrid = cn(
  'grid items-center gap-x-2 px-2',
  'grid-cols-[minmax(0,1fr)_4rem_2.5rem]',
  '@lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_5.5rem_6rem]',
  '@2xl:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)_5.5rem_7.5rem_6rem]',
  '@4xl:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_5.5rem_7rem_7.5rem_7rem_6rem]',
  '@5xl:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_5.5rem_7rem_7.5rem_7rem_minmax(0,9rem)_6rem]',
);

/** Cell classes in column order: name, guest/comment, count/size, last backup, verify, encryption, owner, actions. */
export const col = {
  name: 'flex min-w-0 items-center gap-1.5',
  guest: 'hidden min-w-0 truncate @lg:block',
  size: 'truncate text-right tabular-nums',
  age: 'hidden min-w-0 truncate @4xl:block',
  verify: 'hidden min-w-0 @2xl:flex items-center gap-1',
  encryption: 'hidden min-w-0 truncate @4xl:block',
  owner: 'hidden min-w-0 truncate @5xl:block',
  actions: 'flex justify-end',
} as const;
