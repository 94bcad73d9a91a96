/**
 * The request behind `accessQueries.permissions`, for the reload that starts it before the view's code has
 * loaded (app/early-start); a module of its own, so the entry takes no query or schema code with it.
 */
export const permissionsRequest = (path?: string) => ({
  path: '/access/permissions',
  ...(path === undefined ? {} : { params: { path } }),
});
