import { z } from 'zod';

/*
 * Reads shared/pbs-samples (real PBS responses) for the schema tests. The app's tsconfig has no
 * Node types (it is browser code), so the Node built-ins are imported by a computed name and
 * described by the few functions used here.
 */

interface NodeFs {
  readdirSync(dir: string): string[];
  readFileSync(file: string, encoding: 'utf8'): string;
}
interface NodePath {
  resolve(...parts: string[]): string;
  join(...parts: string[]): string;
}
interface NodeProcess {
  cwd(): string;
}

const builtin = (name: string) => `node:${name}`;

export const sampleSchema = z.object({
  endpoint: z.string(),
  method: z.string(),
  status: z.number().int(),
  envelope: z.boolean().optional(),
  body: z.unknown(),
});
export type Sample = z.infer<typeof sampleSchema>;

export async function loadSamples(): Promise<{
  dir: string;
  files: string[];
  samples: { name: string; sample: Sample }[];
}> {
  const fs: NodeFs = await import(/* @vite-ignore */ builtin('fs'));
  const path: NodePath = await import(/* @vite-ignore */ builtin('path'));
  const process: NodeProcess = await import(/* @vite-ignore */ builtin('process'));
  // The repository is checked out with shared/ beside it (locally /work/main and /work/shared).
  const dir = path.resolve(process.cwd(), '../shared/pbs-samples');
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const samples = files.map((name) => ({
    name,
    sample: sampleSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))),
  }));
  return { dir, files, samples };
}
