import { Button } from '@/components/ui/button';
import type { DeepSearchState } from './use-deep-search';

interface SearchStatusProps {
  state: DeepSearchState;
  matches: number;
  loadedDirs: number;
  onStop: () => void;
  onResume: () => void;
}

/** How far the search has looked, and the loader's stop (or resume) button. */
export function SearchStatus({ state, matches, loadedDirs, onStop, onResume }: SearchStatusProps) {
  const found = `${matches} ${matches === 1 ? 'match' : 'matches'} in ${loadedDirs} ${loadedDirs === 1 ? 'directory' : 'directories'}`;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <p role="status" className="tabular-nums">
        {found}
        {state.running ? ` · reading deeper directories: ${state.read} read, ${state.queued} to go` : ''}
        {!state.running && state.complete ? ' · the whole archive was searched' : ''}
        {!state.running && !state.complete ? ' · deeper directories not searched yet' : ''}
        {state.failed > 0 ? ` · ${state.failed} could not be read` : ''}
      </p>
      {state.running ? (
        <Button size="sm" onClick={onStop}>
          Stop searching
        </Button>
      ) : !state.complete ? (
        <Button size="sm" onClick={onResume}>
          Search deeper directories
        </Button>
      ) : null}
      {state.running ? (
        <progress
          aria-label="Directories read"
          className="h-1.5 w-32"
          value={state.read}
          max={state.read + state.queued}
        />
      ) : null}
    </div>
  );
}
