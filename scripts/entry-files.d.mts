export function entryFiles(distDir: string, page?: string, options?: { dynamic?: boolean }): string[];
