// The space view's table cells, shared by its tables so they line up alike.
export const th = 'px-2 py-1.5 text-left text-xs font-semibold text-neutral-700 dark:text-neutral-300';
export const thNum = `${th} text-right`;
export const td = 'px-2 py-1.5 align-top';
export const tdNum = `${td} text-right tabular-nums whitespace-nowrap`;
export const muted = 'text-neutral-600 dark:text-neutral-400';
