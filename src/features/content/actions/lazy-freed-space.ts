import { lazy } from 'react';

// the space account (its worker, the browser's cache of index files) loads when a figure is first asked for
export const LazyFreedSpace = lazy(() => import('./freed-space'));
