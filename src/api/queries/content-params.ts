/** `ns` only off the root: PBS treats an absent and an empty `ns` alike, and older servers know no `ns` at all. */
export const nsParam = (ns: string) => (ns === '' ? {} : { ns });
