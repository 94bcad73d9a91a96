/** The ACL path of a datastore or one of its namespaces: `/datastore/<store>[/<a>/<b>]`. */
export function datastoreAclPath(store: string, ns = ''): string {
  return ns ? `/datastore/${store}/${ns}` : `/datastore/${store}`;
}
