/*
 * The one place server-supplied Markdown (snapshot and group notes) becomes HTML. Notes are written by anyone
 * with Datastore.Backup on a group, so they are untrusted: marked renders, DOMPurify keeps only plain HTML
 * (no script, no event handlers, no style), drops every element that loads something (img, media, frames,
 * svg, forms), keeps only http(s), mailto and in-page links, and opens links in a new tab without a referrer
 * or an opener. Loaded lazily: neither library belongs in the entry bundle.
 *
 * Raw HTML in the notes that carries an event handler, a style or a <base> is shown as text instead: the browser
 * reports a Content Security Policy violation as soon as any HTML parser of the page meets one, even DOMPurify's
 * inert document where nothing runs, and such reports must stay the sign of a real attempt.
 */
import createDOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { cn } from './cn';

const FORBID_TAGS = [
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'link',
  'style',
  'base',
  'meta',
  'template',
];
// Anything else (javascript:, data:, vbscript:, entity-encoded variants after the parser decoded them) loses its href.
const ALLOWED_URI_REGEXP = /^(?:https?:|mailto:|#)/i;

const purify = createDOMPurify(window);
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  } else {
    node.removeAttribute('target');
  }
});

// An attribute name starts after whitespace, a slash or a closing quote; `on…=` or `style=` there, or a <base> or
// <style> element (the parser reports them under base-uri and style-src), is enough to send the whole piece of raw
// HTML to the screen as text (a false alarm only shows some markup as written).
const PARSER_REPORTED = /(^|[\s/"'])(on[a-z]+|style)\s*=|<(base|style)[\s/>]/i;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html({ text, block }: Tokens.HTML | Tokens.Tag) {
      if (!PARSER_REPORTED.test(text)) return text;
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
    },
  },
});

/** Markdown → sanitized HTML string (exported for tests and for callers that need the text only). */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return purify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_ATTR: ['style', 'srcset', 'background', 'formaction', 'ping'],
    FORBID_TAGS,
    ALLOWED_URI_REGEXP,
  });
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div
      className={cn(
        'space-y-2 text-sm break-words text-neutral-800 dark:text-neutral-200 [&_a]:text-accent-700 [&_a]:underline dark:[&_a]:text-accent-300 [&_code]:rounded [&_code]:bg-neutral-100 [&_code]:px-1 dark:[&_code]:bg-neutral-800 [&_h1]:text-base [&_h1]:font-semibold [&_h2]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_ul]:list-disc [&_ul]:pl-5',
        className,
      )}
      // sanitized above; this is the only way to show rendered Markdown
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
