import type { BadgeState } from '@/lib/badge-state';

// A flat two-part badge ("label | state"), drawn without measuring text: widths come from a rough
// per-character table for 11 px Verdana, wide enough that real fonts never overflow.

export type BadgeTone = BadgeState | 'unknown';

export const BADGE_COLOURS: Record<BadgeTone, string> = {
  ok: '#2e7d32',
  warning: '#8a5a00',
  full: '#b5400b',
  failing: '#b91c1c',
  unknown: '#5f6368',
};

const LABEL_COLOUR = '#3f4750';
const PAD = 6;

function charWidth(c: string): number {
  if (/[iIl.,:;|!'`]/.test(c)) return 3.5;
  if (/[fjrt()[\]{} -]/.test(c)) return 4.5;
  if (/[mwMW%@]/.test(c)) return 10.5;
  if (/[A-Z0-9#&]/.test(c)) return 7.7;
  return 6.9;
}

export function textWidth(text: string): number {
  return Math.ceil([...text].reduce((w, c) => w + charWidth(c), 0));
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface BadgeText {
  label: string;
  value: string;
  tone: BadgeTone;
  /** hover text: the reasons */
  title: string;
}

export function renderBadge({ label, value, tone, title }: BadgeText): string {
  const lw = textWidth(label) + 2 * PAD;
  const vw = textWidth(value) + 2 * PAD;
  const w = lw + vw;
  const t = (s: string) => escapeXml(s);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${t(`${label}: ${value}`)}">`,
    `<title>${t(title)}</title>`,
    `<rect width="${lw}" height="20" rx="3" fill="${LABEL_COLOUR}"/>`,
    `<rect x="${lw}" width="${vw}" height="20" rx="3" fill="${BADGE_COLOURS[tone]}"/>`,
    `<rect x="${lw}" width="4" height="20" fill="${BADGE_COLOURS[tone]}"/>`,
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11" text-anchor="middle">`,
    `<text x="${lw / 2}" y="14">${t(label)}</text>`,
    `<text x="${lw + vw / 2}" y="14">${t(value)}</text>`,
    `</g></svg>`,
  ].join('');
}
