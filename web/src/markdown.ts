// Answer text → safe HTML: Markdown rendered by marked, sanitised by DOMPurify, with each [n] that names a
// source turned into a citation button (opened by event delegation in <AnswerView>).
import DOMPurify from 'dompurify';
import { marked } from 'marked';

// Private-use characters cannot occur in an answer, so they mark citations safely through Markdown.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/;
const CLOSING_PUNCTUATION = /^[。,,、;;::!!??))」』”]/;

export function renderAnswerHtml(text: string, sources: ReadonlySet<number>, citeLabel: (n: number) => string): string {
  // replaced before Markdown, because "[1](-28.69%)" would otherwise become a link to "-28.69%"
  const marked_ = text.replace(/\[(\d{1,3})\]/g, (m, d: string) => (sources.has(Number(d)) ? `${OPEN}${d}${CLOSE}` : m));
  const html = marked.parse(marked_, { async: false, gfm: true });
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });

  const texts: Text[] = [];
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  for (const node of texts) {
    if (!node.data.includes(OPEN)) continue;
    const parts = node.data.split(PLACEHOLDER); // text, n, text, n, …, text
    const out: Array<string | Node> = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i % 2 === 0) {
        if (part) out.push(part);
        continue;
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cite';
      button.dataset.testid = 'citation';
      button.dataset.n = part;
      button.setAttribute('aria-haspopup', 'dialog');
      button.setAttribute('aria-label', citeLabel(Number(part)));
      button.textContent = part;
      // keep "[1]。" together, so a line never starts with the punctuation that closes the cited clause
      const next = parts[i + 1] ?? '';
      const punct = CLOSING_PUNCTUATION.exec(next)?.[0];
      if (punct) {
        const group = document.createElement('span');
        group.className = 'cite-group';
        group.append(button, punct);
        out.push(group);
        parts[i + 1] = next.slice(punct.length);
      } else out.push(button);
    }
    node.replaceWith(...out);
  }
  for (const a of fragment.querySelectorAll('a[href]')) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}
