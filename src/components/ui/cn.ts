import { clsx, type ClassValue } from 'clsx';

/*
 * clsx without tailwind-merge: merging costs ~8 KB gzip in the entry chunk (the login page uses
 * Button and ErrorState), and our components avoid conflicts instead: a caller's className only
 * adds layout (width, margins, grid placement), never a utility the component already sets.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
