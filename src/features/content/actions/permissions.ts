/** What the current user may do in a datastore's content (the route module derives it from /access/permissions). */
export interface ContentPermissions {
  /** Datastore.Modify: forget, protect, notes, change owner, namespaces */
  modify: boolean;
  /** Datastore.Verify: verify now */
  verify: boolean;
  /** Datastore.Prune: forget and prune own groups */
  prune: boolean;
  /** Datastore.Read: files and downloads */
  read: boolean;
}
