export const ALLOWED_LICENCES: string[];
export function licenceAllowed(expression: unknown, allowed?: string[]): boolean;
export function declaredLicence(pkg: Record<string, unknown>): string | null;
export interface ProductionPackage {
  name: string;
  version: string;
  licence: string | null;
}
export function productionPackages(
  lock: { packages?: Record<string, Record<string, unknown>> },
  readInstalled?: (where: string) => Record<string, unknown> | null,
): ProductionPackage[];
export function licenceProblems(packages: ProductionPackage[], allowed?: string[]): string[];
export function judgeAudit(json: string): { checked: boolean; reason: string | null; problems: string[] };
