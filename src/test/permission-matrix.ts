// The permission matrix's shared parts for its UI half: src/app reaches the simulator only through src/test, so the
// identities, targets and hand-written expectations of the API half (src/mocks/permission-matrix-*.ts) come here.
import { buildActor, PASSWORD, type Actor, type Identity } from '@/mocks/permission-matrix-setup';
import type { setupTestServer } from './render-app';

export { ROWS, uiExpected, type Offered } from '@/mocks/permission-matrix-expected';
export {
  IDENTITIES,
  NS,
  OWN,
  ROOTS,
  snapshotTimes,
  type Actor,
  type GroupRef,
  type Identity,
} from '@/mocks/permission-matrix-setup';

/** A fresh simulator with the matrix's identities, built as the API half builds them; the console logs in as `id`. */
export async function loginAsMatrixUser(t: ReturnType<typeof setupTestServer>, id: Identity): Promise<Actor> {
  const actor = await buildActor(t, id);
  await t.loginAs(id, PASSWORD);
  return actor;
}
