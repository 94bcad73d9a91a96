// Tests only: the console's own query client (invalidation included), for tests that render a part of it.
export { createQueryClient } from '@/app/query-client';
