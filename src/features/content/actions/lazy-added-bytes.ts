import { lazy } from 'react';

// the index file readers load when a snapshot's new and reused bytes are first shown
export const LazyAddedBytes = lazy(() => import('./added-bytes'));
