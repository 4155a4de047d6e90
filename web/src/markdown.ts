// Answer text → safe HTML: Markdown rendered by marked, sanitised by DOMPurify, with each [n] that names a
// source turned into a citation button and each number the verifier bound (Answer.numbers) turned into a number
// button (both opened by event delegation in <AnswerView>). A citation right after a bound number opens that
// number's fact; any other citation opens its whole source.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

// Private-use characters cannot occur in an answer, so they mark citations safely through Markdown.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/;
const CLOSING_PUNCTUATION = /^[。,,、;;::!!??))」』”]/;
/** What may stand between a number and the [n] that cites it: spaces and closing brackets/quotes ("（+1.54%）[1]"). */
const BETWEEN_NUMBER_AND_CITE = /^[\s)）\]】」』"”'’]*$/;
/** Where numbers are never made buttons: code, links and buttons keep their own meaning. */
const NO_NUMBERS = 'code, pre, a, button';

/** One bound number of the answer, in reading order. */
export interface RenderNumber {
  /** The numeral as written in the text. */
  text: string;
  /** The sources ([n]) its facts rest on; null when it has no facts (a quoted passage): the next [n] names its document. */
  sources: readonly number[] | null;
}

export interface RenderOptions {
  /** The [n] that name a source of the answer (others stay text). */
  sources: ReadonlySet<number>;
  /** Accessible name of a citation that opens its whole source. */
  citeLabel: (n: number) => string;
  numbers?: readonly RenderNumber[];
  /** Accessible name of a number button ("数字 6.75万亿美元的来源"). */
  numberLabel?: (text: string) => string;
  /** Accessible name of a citation that opens the number before it ("来源 1：6.75万亿美元"). */
  numberCiteLabel?: (n: number, text: string) => string;
}

interface Match {
  /** Index into `numbers`. */
  i: number;
  start: number;
  end: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Where each number is written: the i-th number is looked for after the (i−1)-th one's match, as a whole numeral
 * (not the "4.1%" inside "14.1%"). A number that cannot be found is left out and does not move the cursor.
 * `texts` are the text nodes in reading order; `eligible[k]` says whether node k may hold a number.
 */
export function locateNumbers(texts: readonly string[], eligible: readonly boolean[], numbers: readonly string[]): Match[][] {
  const found: Match[][] = texts.map(() => []);
  let node = 0;
  let offset = 0;
  for (let i = 0; i < numbers.length; i++) {
    const needle = numbers[i]!;
    if (!needle) continue;
    let hit: { k: number; at: number } | null = null;
    for (let k = node; k < texts.length && !hit; k++) {
      if (!eligible[k]) continue;
      const data = texts[k]!;
      let from = k === node ? offset : 0;
      while (from <= data.length) {
        const at = data.indexOf(needle, from);
        if (at < 0) break;
        const before = data[at - 1];
        const after = data[at + needle.length];
        const wholeBefore = !(isDigit(needle[0]) && (isDigit(before) || before === '.' || before === ','));
        const wholeAfter = !(isDigit(needle[needle.length - 1]) && (isDigit(after) || ((after === '.' || after === ',') && isDigit(data[at + needle.length + 1]))));
        if (wholeBefore && wholeAfter) {
          hit = { k, at };
          break;
        }
        from = at + 1;
      }
    }
    if (!hit) continue;
    found[hit.k]!.push({ i, start: hit.at, end: hit.at + needle.length });
    node = hit.k;
    offset = hit.at + needle.length;
  }
  return found;
}

export function renderAnswerHtml(text: string, opts: RenderOptions): string {
  const { sources, citeLabel } = opts;
  const numbers = opts.numbers ?? [];
  // replaced before Markdown, because "[1](-28.69%)" would otherwise become a link to "-28.69%"
  const marked_ = text.replace(/\[(\d{1,3})\]/g, (m, d: string) => (sources.has(Number(d)) ? `${OPEN}${d}${CLOSE}` : m));
  const html = marked.parse(marked_, { async: false, gfm: true });
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true });

  const texts: Text[] = [];
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const eligible = texts.map((node) => !node.parentElement?.closest(NO_NUMBERS));
  const matches = locateNumbers(
    texts.map((n) => n.data),
    eligible,
    numbers.map((n) => n.text),
  );

  // the last number button and the text written since it: a citation after only closing punctuation is its own
  let last: { i: number; button: HTMLButtonElement; since: string } | null = null;
  // numbers quoted from a passage ("…$1.5 trillion.”[4]"): the next citation names the document they come from
  let quoted: HTMLButtonElement[] = [];

  const numberButton = (i: number): HTMLButtonElement => {
    const { text: numeral } = numbers[i]!;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'num-ref';
    button.dataset.testid = 'number';
    button.dataset.i = String(i);
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-label', opts.numberLabel?.(numeral) ?? numeral);
    button.textContent = numeral;
    return button;
  };

  const citeButton = (n: number): HTMLButtonElement => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cite';
    button.dataset.testid = 'citation';
    button.dataset.n = String(n);
    button.setAttribute('aria-haspopup', 'dialog');
    const owner = last && BETWEEN_NUMBER_AND_CITE.test(last.since) ? last : null;
    const rest = owner ? numbers[owner.i]!.sources : undefined;
    if (owner && (rest === null || rest?.includes(n))) {
      const numeral = numbers[owner.i]!.text;
      button.dataset.i = String(owner.i);
      button.setAttribute('aria-label', opts.numberCiteLabel?.(n, numeral) ?? citeLabel(n));
      owner.button.dataset.n ??= String(n);
    } else {
      button.setAttribute('aria-label', citeLabel(n));
    }
    for (const q of quoted) q.dataset.n ??= String(n);
    quoted = [];
    button.textContent = String(n);
    return button;
  };

  const written = (s: string) => {
    if (last) last.since += s;
  };

  /** Plain text with citation placeholders → text and citation buttons ("[1]。" kept together). */
  const withCitations = (data: string, out: Array<string | Node>) => {
    if (!data.includes(OPEN)) {
      if (data) out.push(data);
      written(data);
      return;
    }
    const parts = data.split(PLACEHOLDER); // text, n, text, n, …, text
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i % 2 === 0) {
        if (part) out.push(part);
        written(part);
        continue;
      }
      const button = citeButton(Number(part));
      // keep "[1]。" together, so a line never starts with the punctuation that closes the cited clause
      const next = parts[i + 1] ?? '';
      const punct = CLOSING_PUNCTUATION.exec(next)?.[0];
      if (punct) {
        const group = document.createElement('span');
        group.className = 'cite-group';
        group.append(button, punct);
        out.push(group);
        parts[i + 1] = next.slice(punct.length);
        written(punct);
      } else out.push(button);
      // "…[1][2]": the second citation follows a citation, not the number
      written('\u0000');
    }
  };

  texts.forEach((node, k) => {
    const found = matches[k]!;
    if (!found.length && !node.data.includes(OPEN)) {
      written(node.data);
      return;
    }
    const out: Array<string | Node> = [];
    let at = 0;
    for (const m of found) {
      withCitations(node.data.slice(at, m.start), out);
      const button = numberButton(m.i);
      if (numbers[m.i]!.sources === null) quoted.push(button);
      out.push(button);
      last = { i: m.i, button, since: '' };
      at = m.end;
    }
    withCitations(node.data.slice(at), out);
    node.replaceWith(...out);
  });

  for (const a of fragment.querySelectorAll('a[href]')) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}
