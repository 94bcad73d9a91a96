import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { nsBreadcrumb, nsDepth } from '@/lib/namespace-path';

interface NamespaceBarProps {
  ns: string;
  /** every namespace the user may see, the root included; empty while loading */
  namespaces: readonly string[];
  /** the link to another namespace of this view (keeps the filters) */
  hrefOf: (ns: string) => string;
  onSwitch: (ns: string) => void;
  /** create / delete namespace, when the user may */
  actions?: ReactNode;
}

/** Where in the datastore the view is (breadcrumb) and a switcher over every namespace, nested. */
export function NamespaceBar({ ns, namespaces, hrefOf, onSwitch, actions }: NamespaceBarProps) {
  const crumbs = nsBreadcrumb(ns);
  const options = [...namespaces].sort();
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <nav aria-label="Namespace path" className="min-w-0">
        <ol className="flex flex-wrap items-center gap-1 text-sm">
          {crumbs.map((c, i) => (
            <li key={c.ns} className="flex items-center gap-1">
              {i > 0 ? (
                <span aria-hidden className="text-neutral-400">
                  /
                </span>
              ) : null}
              {i === crumbs.length - 1 ? (
                <span aria-current="page" className="font-medium">
                  {c.label}
                </span>
              ) : (
                <Link to={hrefOf(c.ns)}>{c.label}</Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <Field label="Namespace" size="sm" layout="inline">
        <Select value={ns} onChange={(e) => onSwitch(e.target.value)} className="max-w-[16rem]">
          {(options.length > 0 ? options : [ns]).map((n) => (
            <option key={n} value={n}>
              {n === '' ? 'Root' : `${'\u00a0\u00a0'.repeat(nsDepth(n))}${n}`}
            </option>
          ))}
        </Select>
      </Field>
      {actions}
    </div>
  );
}
