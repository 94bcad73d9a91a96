import { File, FileSymlink, Folder } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import {
  Button,
  Cell,
  Checkbox,
  Column,
  Row,
  Table,
  TableBody,
  TableHeader,
  type Selection,
} from 'react-aria-components';
import { Bytes } from '@/components/ui/bytes';
import { Time } from '@/components/ui/time';
import { typeLabel, type FileEntry } from './entry';
import { sortEntries, type SortColumn, type SortOrder } from './sort-entries';

interface FileTableProps {
  label: string;
  entries: readonly FileEntry[];
  selected: ReadonlySet<string>;
  onSelectedChange: (keys: Set<string>) => void;
  order: SortOrder;
  onOrderChange: (order: SortOrder) => void;
  /** Enter or a click on a row: open a directory, download a file */
  onOpen: (entry: FileEntry) => void;
  /** search results come from several directories: show where each lies */
  location?: (entry: FileEntry) => string;
  empty: ReactNode;
}

const head =
  'px-2 py-1 text-left text-xs font-medium text-neutral-600 outline-none data-[focus-visible]:outline-2 dark:text-neutral-400';
const cell = 'px-2 py-1 outline-none data-[focus-visible]:outline-2 data-[focus-visible]:outline-accent-600';

function SelectBox({ label }: { label?: string }) {
  return (
    <Checkbox
      slot="selection"
      aria-label={label}
      className="group flex size-4 items-center justify-center rounded border border-neutral-400 data-[selected]:border-accent-700 data-[selected]:bg-accent-700 data-[indeterminate]:bg-accent-300"
    >
      <svg
        aria-hidden
        viewBox="0 0 12 12"
        className="hidden size-3 fill-none stroke-white stroke-2 group-data-[selected]:block"
      >
        <polyline points="2 6 5 9 10 3" />
      </svg>
    </Checkbox>
  );
}

function Icon({ type }: { type: string }) {
  if (type === 'd') return <Folder aria-hidden className="size-4 shrink-0 text-amber-600" />;
  if (type === 'l') return <FileSymlink aria-hidden className="size-4 shrink-0 text-neutral-500" />;
  return <File aria-hidden className="size-4 shrink-0 text-neutral-500" />;
}

/** The entries of a directory (or search results) with sortable columns and multi-selection. */
export function FileTable({
  label,
  entries,
  selected,
  onSelectedChange,
  order,
  onOrderChange,
  onOpen,
  location,
  empty,
}: FileTableProps) {
  const sorted = useMemo(() => sortEntries(entries, order), [entries, order]);
  const byPath = useMemo(() => new Map(sorted.map((e) => [e.path, e])), [sorted]);
  const onSelection = (keys: Selection) =>
    onSelectedChange(new Set(keys === 'all' ? sorted.map((e) => e.path) : [...keys].map(String)));
  return (
    <Table
      aria-label={label}
      selectionMode="multiple"
      selectionBehavior="toggle"
      selectedKeys={selected}
      onSelectionChange={onSelection}
      sortDescriptor={order}
      onSortChange={(d) => onOrderChange({ column: d.column as SortColumn, direction: d.direction })}
      onRowAction={(key) => {
        const entry = byPath.get(String(key));
        if (entry) onOpen(entry);
      }}
      className="w-full border-collapse text-sm"
    >
      <TableHeader className="border-b border-neutral-200 dark:border-neutral-700">
        <Column className={`${head} w-8`}>
          <SelectBox label="Select all" />
        </Column>
        <Column id="name" isRowHeader allowsSorting className={head}>
          Name
        </Column>
        {location ? (
          <Column id="location" allowsSorting className={head}>
            Location
          </Column>
        ) : null}
        <Column id="size" allowsSorting className={`${head} text-right`}>
          Size
        </Column>
        <Column id="mtime" allowsSorting className={head}>
          Modified
        </Column>
        <Column id="type" allowsSorting className={head}>
          Type
        </Column>
      </TableHeader>
      <TableBody
        items={sorted}
        dependencies={[location]}
        renderEmptyState={() => (
          <div className="px-2 py-6 text-center text-sm text-neutral-600 dark:text-neutral-400">{empty}</div>
        )}
      >
        {(e) => (
          <Row
            id={e.path}
            textValue={e.name}
            className="cursor-default border-b border-neutral-100 outline-none hover:bg-neutral-50 data-[focus-visible]:outline-2 data-[focus-visible]:outline-accent-600 data-[selected]:bg-accent-50 dark:border-neutral-800 dark:hover:bg-neutral-800/60 dark:data-[selected]:bg-accent-950/40"
          >
            <Cell className={cell}>
              <SelectBox />
            </Cell>
            <Cell className={cell}>
              <span className="flex min-w-0 items-center gap-1.5">
                <Icon type={e.type} />
                {e.type === 'd' ? (
                  // while items are selected a click on a row toggles it; the name still opens the folder
                  <Button
                    onPress={() => onOpen(e)}
                    className="cursor-pointer text-left break-all text-accent-800 outline-none hover:underline data-[focus-visible]:outline-2 dark:text-accent-300"
                  >
                    {e.name}
                  </Button>
                ) : (
                  <span className="break-all">{e.name}</span>
                )}
              </span>
            </Cell>
            {location ? <Cell className={`${cell} font-mono text-xs break-all`}>{location(e)}</Cell> : null}
            <Cell className={`${cell} text-right whitespace-nowrap`}>
              {e.size !== undefined && e.type !== 'd' ? <Bytes value={e.size} /> : ''}
            </Cell>
            <Cell className={`${cell} whitespace-nowrap`}>{e.mtime !== undefined ? <Time epoch={e.mtime} /> : ''}</Cell>
            <Cell className={`${cell} whitespace-nowrap text-xs`}>{typeLabel(e.type)}</Cell>
          </Row>
        )}
      </TableBody>
    </Table>
  );
}
