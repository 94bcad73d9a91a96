import { setRefusalExplainer } from '@/api/client';
import { AppShell } from '../layout/app-shell';

// A bare "permission check failed" from PBS gets a sentence naming privilege and path. The console's shell
// hands the client its table (loaded with the first refusal), so the login page's entry carries none of it.
setRefusalExplainer(async (...args) => {
  if (args[0].status !== 403 && args[0].status !== 400) return null;
  try {
    return await (await import('@/api/permission-errors')).explainPbsRefusal(...args);
  } catch {
    return null;
  }
});

export default AppShell;
