import { catalogBreadcrumb } from '@/lib/catalog-path';

interface PathBreadcrumbProps {
  path: string;
  root: string;
  rootLabel: string;
  onOpen: (path: string) => void;
}

/** Where the table is, from the archive down; each level opens with a click. */
export function PathBreadcrumb({ path, root, rootLabel, onOpen }: PathBreadcrumbProps) {
  const crumbs = catalogBreadcrumb(path, root, rootLabel);
  return (
    <nav aria-label="Current directory">
      <ol className="flex flex-wrap items-center gap-0.5 text-sm">
        {crumbs.map((c, i) => (
          <li key={c.path} className="flex items-center gap-0.5">
            {i > 0 ? (
              <span aria-hidden className="text-neutral-400">
                /
              </span>
            ) : null}
            {i === crumbs.length - 1 ? (
              <span aria-current="location" className="font-medium break-all">
                {c.label}
              </span>
            ) : (
              <button
                type="button"
                onClick={() => onOpen(c.path)}
                className="cursor-pointer rounded px-0.5 break-all text-accent-800 underline-offset-2 hover:underline dark:text-accent-300"
              >
                {c.label}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
