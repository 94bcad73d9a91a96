import { render, screen } from '@testing-library/react';
import { Markdown, renderMarkdown } from './markdown';

/** Renders into the document and reports whether anything ran. */
function mount(source: string) {
  const ran = vi.fn();
  (window as unknown as { __ran: () => void }).__ran = ran;
  const view = render(<Markdown source={source} />);
  return { ran, root: view.container };
}

describe('Markdown', () => {
  afterEach(() => {
    delete (window as unknown as { __ran?: unknown }).__ran;
  });

  it('renders headings, lists, emphasis and code', () => {
    const { root } = mount('# Restore test\n\n- **ok** on `pve2`\n- second');
    expect(screen.getByRole('heading', { level: 1, name: 'Restore test' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(root.querySelector('strong')).toHaveTextContent('ok');
    expect(root.querySelector('code')).toHaveTextContent('pve2');
  });

  it('drops scripts and event handlers, and loads nothing', () => {
    const { root, ran } = mount(
      [
        '<script>window.__ran()</script>',
        '<img src=x onerror="window.__ran()">',
        '<svg onload="window.__ran()"><circle r=1 /></svg>',
        '<iframe src="https://example.com"></iframe>',
        '<p style="background:url(https://example.com/t.png)" onclick="window.__ran()">styled</p>',
        '<video src="https://example.com/v.mp4"></video>',
      ].join('\n\n'),
    );
    expect(root.querySelector('script, img, svg, iframe, video')).toBeNull();
    for (const el of root.querySelectorAll('*'))
      for (const attr of el.getAttributeNames()) expect(attr).not.toMatch(/^on|^style$|^src$/);
    // markup with an event handler or a style is shown as written, as text
    expect(root).toHaveTextContent('<img src=x onerror="window.__ran()">');
    expect(root).toHaveTextContent('onclick="window.__ran()">styled</p>');
    expect(ran).not.toHaveBeenCalled();
  });

  it('never hands markup with an event handler or a style to an HTML parser, however it is spelled', () => {
    for (const raw of [
      '<img src=x onerror="window.__ran()">',
      '<svg/onload=window.__ran()>',
      '<img src="x"onerror=window.__ran()>',
      '<details open ONTOGGLE =window.__ran()>x</details>',
      'inline <b style="color:red">bold</b> word',
      '<base href="/elsewhere/">',
      '<style>p { color: red }</style>',
    ]) {
      const html = renderMarkdown(raw);
      expect(html, raw).not.toMatch(/<[a-z][^>]*(\son|\/on|"on|style)|<base|<style/i);
      expect(html, raw).toMatch(/&lt;/);
    }
    // plain HTML without either still renders
    expect(renderMarkdown('<details><summary>more</summary>hidden</details>')).toContain('<summary>more</summary>');
    expect(renderMarkdown('a <b>bold</b> word')).toBe('<p>a <b>bold</b> word</p>\n');
  });

  it('takes the href off javascript: links, also entity-encoded or hidden in HTML', () => {
    const { root } = mount(
      [
        '[plain](javascript:window.__ran())',
        '[encoded](&#106;avascript:window.__ran())',
        '<a href="&#x6A;&#x61;vascript:window.__ran()">hex</a>',
        '<a href=" JaVaScRiPt:window.__ran()">spaced</a>',
        '[data](data:text/html;base64,PHNjcmlwdD4=)',
      ].join('\n\n'),
    );
    for (const name of ['plain', 'encoded', 'hex', 'spaced', 'data']) {
      expect(screen.getByText(name).getAttribute('href')).toBeNull();
    }
    expect(root.innerHTML).not.toMatch(/javascript|data:/i);
  });

  it('opens web links in a new tab without opener or referrer', () => {
    mount('See [the wiki](https://wiki.example.com/restore) or <a href="https://x.example" target="_self">x</a>');
    const link = screen.getByRole('link', { name: 'the wiki' });
    expect(link).toHaveAttribute('href', 'https://wiki.example.com/restore');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'x' })).toHaveAttribute('target', '_blank');
  });

  it('keeps text that looks like HTML as text when written in code', () => {
    expect(renderMarkdown('`<script>`')).toBe('<p><code>&lt;script&gt;</code></p>\n');
  });
});
