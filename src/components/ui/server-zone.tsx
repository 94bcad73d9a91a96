import { createContext, useContext } from 'react';

/** The PBS server's time zone (from /nodes/localhost/time), for the hover text of times. */
export const ServerZoneContext = createContext<string | undefined>(undefined);

export function useServerZone(): string | undefined {
  return useContext(ServerZoneContext);
}
