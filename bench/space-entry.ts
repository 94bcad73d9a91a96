// What bench/space.mjs needs from the space engine and the index readers: Node runs the bench's .mjs files as
// they are, so this entry is bundled with rolldown (vite's bundler) at bench time and the bundle imported.
export { SpaceEngine } from '@/lib/space/engine';
export { spaceReport } from '@/lib/space/report';
export { readIndexFile } from '@/lib/pbs-index';
export { IndexStreamReader } from '@/lib/pbs-index-stream';
