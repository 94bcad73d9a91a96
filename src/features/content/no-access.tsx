import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';

interface NoAccessProps {
  /** the ACL path PBS grants nothing on */
  path: string;
  /** where the parent namespace is shown; null at the root */
  parentHref: string | null;
}

/** In place of a namespace's content when PBS grants the user no privilege on it (NoAccess, or no ACL at all). */
export function NoAccess({ path, parentHref }: NoAccessProps) {
  return (
    <ErrorState
      title="No access to this namespace"
      message={`You hold no privilege on ${path}: viewing its content needs Datastore.Audit there, or Datastore.Backup for your own groups.`}
      action={parentHref ? <Link to={parentHref}>Back to the parent namespace</Link> : null}
    />
  );
}
