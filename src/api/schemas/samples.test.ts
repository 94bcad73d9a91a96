import { z } from 'zod';
import { apiGetWithMeta, PbsError, setFetch } from '../client';
import { createFakeFetch, pbsResponse } from '../testing/fake-fetch';
import { loadSamples } from '../testing/samples';
import { addSessionEndedListener } from '../session-state';
import { gcJobStatusSchema } from './gc';
import { datastoreUsageSchema } from './datastore';
import {
  groupListSchema,
  namespaceListSchema,
  pruneResultSchema,
  snapshotFilesSchema,
  snapshotListSchema,
} from './content';
import { nodeStatusSchema, subscriptionSchema, versionSchema } from './node';
import { taskListSchema } from './tasks';
import { verifyJobConfigListSchema } from './config';

/** Success samples by the endpoint part of their file name (before `__`). */
const schemaByEndpoint: Record<string, z.ZodType> = {
  'admin-datastore-files': snapshotFilesSchema,
  'admin-datastore-gc': gcJobStatusSchema,
  'admin-datastore-groups': groupListSchema,
  'admin-datastore-namespace': namespaceListSchema,
  'admin-datastore-prune': pruneResultSchema,
  'admin-datastore-snapshots': snapshotListSchema,
  'config-verify': verifyJobConfigListSchema,
  'nodes-status': nodeStatusSchema,
  'nodes-subscription': subscriptionSchema,
  'nodes-tasks': taskListSchema,
  'status-datastore-usage': datastoreUsageSchema,
  version: versionSchema,
};

/** Expected `params` of the parameter-verification error samples (PbsError splits them out). */
const expectedParams: Record<string, Record<string, string>> = {
  'error-400-admin-datastore-rrd__pulse-issue-409-bad-enum.json': {
    cf: "value 'average' is not defined in the enumeration.",
  },
  'error-400-admin-datastore-rrd__pulse-issue-409-missing-params.json': {
    cf: 'parameter is missing and it is not optional.',
    timeframe: 'parameter is missing and it is not optional.',
  },
};

/** The bad/revoked token answer ends the session; a wrong password at login does not. */
const endsSession = new Set(['error-401-bad-api-token__anas.json']);

const { files, samples } = await loadSamples();
const handled = new Set<string>();

afterAll(() => setFetch(null));

describe('real PBS samples', () => {
  it('are present', () => {
    expect(files.length).toBeGreaterThanOrEqual(28);
  });

  for (const { name, sample } of samples) {
    if (sample.status >= 400) {
      it(`${name}: becomes a PbsError with PBS's status and text`, async () => {
        expect(typeof sample.body).toBe('string');
        const body = String(sample.body);
        const { fetchFn } = createFakeFetch(() => pbsResponse(sample.status, body));
        setFetch(fetchFn);
        const ended: string[] = [];
        const off = addSessionEndedListener((message) => ended.push(message));
        const error = await apiGetWithMeta('/sample', z.unknown()).catch((e: unknown) => e);
        off();
        // Only PBS's "the ticket/token is no longer accepted" ends the session (not a failed login).
        expect(ended.length > 0).toBe(endsSession.has(name));
        expect(error).toBeInstanceOf(PbsError);
        const pbsError = error as PbsError;
        expect(pbsError.status).toBe(sample.status);
        expect(pbsError.message).toBe(body);
        expect(pbsError.params).toEqual(expectedParams[name]);
        handled.add(name);
      });
      continue;
    }

    const endpoint = name.split('__')[0] ?? '';
    it(`${name}: parses with the ${endpoint} schema`, async () => {
      const schema = schemaByEndpoint[endpoint];
      expect(schema, `no schema mapped for ${endpoint}`).toBeDefined();
      if (!schema) return;
      // CLI captures hold the bare `data`; HTTP captures hold the whole envelope.
      const envelope = z
        .object({ data: z.unknown() })
        .loose()
        .parse(sample.envelope === false ? { data: sample.body } : sample.body);
      const { fetchFn } = createFakeFetch(() => pbsResponse(sample.status, envelope));
      setFetch(fetchFn);
      const result = await apiGetWithMeta('/sample', schema);
      // Nothing PBS sent was dropped as unknown: every key of the sample is modelled.
      expect(result.data).toEqual(envelope.data);
      handled.add(name);
    });
  }

  // Runs after the per-sample tests (vitest keeps declaration order within a file).
  it('handled every sample file', () => {
    expect([...handled].sort()).toEqual(files);
  });

  it('keeps the total of the task list envelope', async () => {
    const { fetchFn } = createFakeFetch(() => pbsResponse(200, { total: 0, data: [] }));
    setFetch(fetchFn);
    await expect(apiGetWithMeta('/nodes/localhost/tasks', taskListSchema)).resolves.toEqual({ data: [], total: 0 });
  });
});
