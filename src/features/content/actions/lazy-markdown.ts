import { lazy } from 'react';

// marked and DOMPurify load only when notes are shown
export const LazyMarkdown = lazy(() => import('@/components/ui/markdown').then((m) => ({ default: m.Markdown })));
