// FRAME_ANCESTORS is a CSP source list ('self', https://dash.example, https://*.example, …). The
// embed page exchanges messages only with the exact origins in it: wildcards, schemes alone and
// keywords can allow framing, but never name one partner to talk to.

export function messageOrigins(frameAncestors: string | null): string[] {
  if (!frameAncestors) return [];
  const out: string[] = [];
  for (const source of frameAncestors.split(/\s+/)) {
    if (!/^https?:\/\/[^*/]+\/?$/i.test(source)) continue;
    try {
      const origin = new URL(source).origin;
      if (origin !== 'null' && !out.includes(origin)) out.push(origin);
    } catch {
      // not a URL: a CSP host source such as 'dash.example' names no scheme, so no exact origin
    }
  }
  return out;
}
