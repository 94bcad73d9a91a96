/**
 * The start of a 401 from /embed-api/ that means "show the in-frame login" (no EMBED_TOKEN on the deck, and no
 * session yet or PBS no longer accepts it): the deck server writes it, the embed page looks for it.
 */
export const EMBED_LOGIN_NEEDED = 'log in:';
