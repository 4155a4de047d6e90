// Model-written text on its way to HTML, sanitised on the server with sanitize-html: no script, no event
// handlers, no javascript: (or any non-http) URLs, no images or other URLs a browser or the PDF printer would
// fetch. Two entry points: Markdown a model wrote (an answer, a reworded report paragraph), cleaned as text before
// it is verified and shown; and the HTML our Markdown renderer made from it (reports), cleaned as HTML.
import sanitizeHtml from 'sanitize-html';

/** The tags our Markdown renderer (marked, GFM) emits — images excepted — and nothing else. */
const MARKDOWN_TAGS = ['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'sup', 'sub', 'span', 'input'];

/** HTML rendered from Markdown, reduced to plain document markup; links only http(s), mailto or in-page (#…). */
export function sanitizeMarkdownHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: MARKDOWN_TAGS,
    allowedAttributes: { a: ['href', 'class', 'id', 'title'], th: ['align'], td: ['align'], ol: ['start'], li: ['id', 'value'], span: ['class'], code: ['class'], input: ['type', 'checked', 'disabled'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // a task-list checkbox is the only input marked writes; anything else named input is dropped
    exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
  });
}

export interface SanitizedText {
  text: string;
  /** What was taken out (tags, images, unsafe links), for the verification report; empty when nothing was. */
  removed: string[];
}

// Markdown images (inline and reference style) fetch their URL when rendered: only the alt text is kept.
const MD_IMAGE = /!\[([^\]\n]*)\]\(\s*<?(?:[^()\n]|\([^()\n]*\))*>?\s*\)|!\[([^\]\n]*)\]\[[^\]\n]*\]/g;
// Inline links whose target is not http(s)/mailto/in-page: only the link text is kept.
const MD_LINK = /\[([^\]\n]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+"[^"\n]*")?\s*\)/g;
// Reference definitions ("[x]: url") let a later [x] or ![x] point anywhere: removed.
const MD_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm;
const SAFE_URL = /^(?:https?:\/\/|mailto:|#)/i;

/**
 * Markdown a model wrote, made safe to render: raw HTML removed by sanitize-html (tags dropped, the content of
 * script/style/… dropped with them), Markdown images reduced to their alt text, links to anything but http(s),
 * mailto or an in-page anchor reduced to their text, reference definitions removed. Plain text — "<5%", "a > b",
 * "AT&T", "> quote" — comes back as it was.
 */
export function sanitizeModelMarkdown(input: string): SanitizedText {
  const removed: string[] = [];
  let text = input;
  if (/<[A-Za-z!/?]/.test(text)) {
    const cleaned = sanitizeHtml(text, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard', nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'title', 'xmp', 'noembed', 'noframes'] });
    // sanitize-html escapes the text it keeps; undo that where it cannot form markup again (single pass, so
    // "&amp;lt;" becomes the text "&lt;", and "&lt;" stays escaped wherever a tag could start)
    const restored = cleaned.replace(/&(lt|gt|amp|quot|#39);(?![A-Za-z!/?])|&(gt|amp|quot|#39);/g, (_m, a?: string, b?: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" })[(a ?? b)!]!);
    if (restored !== text) removed.push(...(text.match(/<[A-Za-z!/?][^>]{0,80}>?/g) ?? ['<…>']).slice(0, 5));
    text = restored;
  }
  text = text.replace(MD_IMAGE, (m, a?: string, b?: string) => {
    removed.push(m.slice(0, 100));
    return a ?? b ?? '';
  });
  text = text.replace(MD_LINK, (m, label: string, url: string) => {
    if (SAFE_URL.test(url)) return m;
    removed.push(m.slice(0, 100));
    return label;
  });
  text = text.replace(MD_DEFINITION, (m) => {
    removed.push(m.slice(0, 100));
    return '';
  });
  return { text, removed };
}
