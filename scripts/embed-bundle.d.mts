export function embedBundleProblems(distDir: string): { files: string[]; problems: string[] };
