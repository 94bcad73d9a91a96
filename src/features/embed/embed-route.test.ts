import { matchEmbedRoute } from './embed-route';

describe('matchEmbedRoute', () => {
  it.each([
    ['/embed', { view: 'overview' }],
    ['/embed/overview', { view: 'overview' }],
    ['/embed/overview/', { view: 'overview' }],
    ['/embed/tasks', { view: 'tasks' }],
    ['/embed/datastore/store1', { view: 'datastore', store: 'store1' }],
    ['/embed/datastore/my%20store', { view: 'datastore', store: 'my store' }],
    ['/embed/datastore/%E0%A4%A', { view: 'unknown' }],
    ['/embed/datastore/a/b', { view: 'unknown' }],
    ['/embed/admin', { view: 'unknown' }],
    ['/datastores/store1', { view: 'unknown' }],
  ])('%s', (path, route) => {
    expect(matchEmbedRoute(path)).toEqual(route);
  });
});
