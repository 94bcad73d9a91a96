import { z } from 'zod';

/*
 * Imported first by every page entry and by the API client (whose shared chunk, with zod and the first schemas,
 * runs before an entry's own code), so it runs before any schema is built or parses. The page's CSP has no
 * 'unsafe-eval': zod must neither compile parsers with `Function` nor probe whether it may (the probe
 * alone is reported as a CSP violation, although zod catches its failure).
 */
z.config({ jitless: true });
