// Live connector for new Federal Reserve monetary-policy press releases: reads the RSS feed, fetches each new
// release's page and turns its article text into a FinDocument with the same ids as the offline snapshot.
// No XML/HTML parser dependency: a small strict XML reader for the feed and a careful extractor for the
// page's <div id="article"> are enough for these two well-known formats.
import { z } from 'zod';
import { FinciteError, InvalidDateError, MalformedResponseError, SourceUnavailableError } from '../core/errors.ts';
import type { DocumentKind, FinDocument, IsoDate, Provenance } from '../core/types.ts';
import { fomcDocumentId, publisherFor, stripMediaContact, stripReleaseHeader } from './fomc.ts';
import { fetchWithRetry, readBodyText, type HttpSettings } from './http.ts';

export const DEFAULT_FED_FEED_URL = 'https://www.federalreserve.gov/feeds/press_monetary.xml';
const SOURCE = 'Federal Reserve press releases';

// ---------------------------------------------------------------------------------------------------------
// A small, strict XML reader (elements, attributes, text, CDATA; comments, PIs and DOCTYPE skipped)

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
}
type XmlNode = XmlElement | string;

class XmlSyntaxError extends Error {}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

function decodeXmlText(raw: string, lineAt: (offset: number) => number, offset: number): string {
  return raw.replace(/&([^;&\s]{0,32});|&/g, (match, ref: string | undefined, at: number) => {
    if (ref === undefined) throw new XmlSyntaxError(`bare "&" at line ${lineAt(offset + at)}`);
    if (ref.startsWith('#')) {
      const code = /^#x[0-9a-f]+$/i.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
      if (!isValidXmlChar(code)) throw new XmlSyntaxError(`bad character reference "${match}" at line ${lineAt(offset + at)}`);
      return String.fromCodePoint(code);
    }
    const named = XML_ENTITIES[ref];
    if (named === undefined) throw new XmlSyntaxError(`undefined entity "${match}" at line ${lineAt(offset + at)}`);
    return named;
  });
}

function isValidXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Parse a whole document; throws XmlSyntaxError naming the line of the first problem. */
function parseXml(text: string): XmlElement {
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const addText = (value: string, offset: number, raw: boolean) => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (value.trim() !== '') throw new XmlSyntaxError(`text outside the root element at line ${lineAt(offset)}`);
      return;
    }
    top.children.push(raw ? value : decodeXmlText(value, lineAt, offset));
  };
  const expectEnd = (marker: string, from: number, what: string) => {
    const end = text.indexOf(marker, from);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what} starting at line ${lineAt(from)}`);
    return end;
  };

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(text.slice(i), i, false);
      break;
    }
    if (lt > i) addText(text.slice(i, lt), i, false);
    if (text.startsWith('<!--', lt)) {
      i = expectEnd('-->', lt + 4, 'comment') + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = expectEnd(']]>', lt + 9, 'CDATA section');
      if (!stack.length) throw new XmlSyntaxError(`CDATA outside the root element at line ${lineAt(lt)}`);
      addText(text.slice(lt + 9, end), lt, true);
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      i = expectEnd('?>', lt + 2, 'processing instruction') + 2;
    } else if (text.startsWith('<!DOCTYPE', lt)) {
      if (root || stack.length) throw new XmlSyntaxError(`DOCTYPE after the root element at line ${lineAt(lt)}`);
      const end = expectEnd('>', lt, 'DOCTYPE');
      if (text.slice(lt, end).includes('[')) throw new XmlSyntaxError(`DOCTYPE with an internal subset at line ${lineAt(lt)} is not supported`);
      i = end + 1;
    } else if (text.startsWith('</', lt)) {
      NAME.lastIndex = lt + 2;
      const name = NAME.exec(text)?.[0];
      const close = text.indexOf('>', lt);
      if (!name || close < 0 || text.slice(lt + 2 + name.length, close).trim() !== '') {
        throw new XmlSyntaxError(`malformed end tag at line ${lineAt(lt)}`);
      }
      const open = stack.pop();
      if (!open) throw new XmlSyntaxError(`end tag </${name}> without a start tag at line ${lineAt(lt)}`);
      if (open.name !== name) throw new XmlSyntaxError(`end tag </${name}> at line ${lineAt(lt)} does not close <${open.name}> opened at line ${open.line}`);
      i = close + 1;
    } else {
      NAME.lastIndex = lt + 1;
      const name = NAME.exec(text)?.[0];
      if (!name) throw new XmlSyntaxError(`"<" that starts no tag at line ${lineAt(lt)}`);
      const element: XmlElement = { name, attrs: {}, children: [], line: lineAt(lt) };
      let j = lt + 1 + name.length;
      for (;;) {
        ATTRIBUTE.lastIndex = j;
        const a = ATTRIBUTE.exec(text);
        if (!a) break;
        const value = a[2] ?? a[3] ?? '';
        if (a[1]! in element.attrs) throw new XmlSyntaxError(`duplicate attribute "${a[1]}" at line ${lineAt(j)}`);
        element.attrs[a[1]!] = decodeXmlText(value, lineAt, j);
        j = ATTRIBUTE.lastIndex;
      }
      const rest = /\s*(\/?)>/y;
      rest.lastIndex = j;
      const m = rest.exec(text);
      if (!m) throw new XmlSyntaxError(`malformed start tag <${name}> at line ${lineAt(lt)}`);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) throw new XmlSyntaxError(`second root element <${name}> at line ${lineAt(lt)}`);
      else root = element;
      if (m[1] !== '/') stack.push(element);
      i = rest.lastIndex;
    }
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) throw new XmlSyntaxError(`<${unclosed.name}> opened at line ${unclosed.line} is never closed (document ends early)`);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const childElements = (el: XmlElement, name: string) =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string' && localName(c.name) === name);
const textOf = (el: XmlElement): string => el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

// ---------------------------------------------------------------------------------------------------------
// The feed

export interface FedPressItem {
  title: string;
  /** Absolute URL of the release page. */
  link: string;
  description?: string;
  published: Date;
  categories: string[];
}

const FeedItem = z.object({
  title: z.string({ error: 'missing' }).trim().min(1, 'empty'),
  link: z.string({ error: 'missing' }).trim().min(1, 'empty'),
  description: z.string().optional(),
  pubDate: z.string({ error: 'missing' }).trim().min(1, 'empty'),
  categories: z.array(z.string()),
});

/** Parse the RSS 2.0 feed into items, newest first as published; anything unexpected is a MalformedResponseError. */
export function parseFedPressFeed(xml: string, feedUrl: string): FedPressItem[] {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new MalformedResponseError(SOURCE, `feed ${feedUrl} is not well-formed XML: ${err.message}`);
    throw err;
  }
  if (localName(root.name) !== 'rss') throw new MalformedResponseError(SOURCE, `feed ${feedUrl} is not RSS (root element <${root.name}>)`);
  const channel = childElements(root, 'channel')[0];
  if (!channel) throw new MalformedResponseError(SOURCE, `feed ${feedUrl} has no <channel>`);
  return childElements(channel, 'item').map((item, n) => {
    const field = (name: string) => {
      const el = childElements(item, name)[0];
      return el ? textOf(el) : undefined;
    };
    const parsed = FeedItem.safeParse({
      title: field('title'),
      link: field('link'),
      description: field('description'),
      pubDate: field('pubDate'),
      categories: childElements(item, 'category').map((c) => textOf(c).trim()),
    });
    const where = `item ${n + 1} (line ${item.line})`;
    if (!parsed.success) {
      throw new MalformedResponseError(SOURCE, `feed ${feedUrl} ${where}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    }
    const published = new Date(parsed.data.pubDate);
    if (Number.isNaN(published.getTime())) throw new MalformedResponseError(SOURCE, `feed ${feedUrl} ${where}: unreadable pubDate "${parsed.data.pubDate}"`);
    let link: string;
    try {
      link = new URL(parsed.data.link, feedUrl).href;
    } catch {
      throw new MalformedResponseError(SOURCE, `feed ${feedUrl} ${where}: unreadable link "${parsed.data.link}"`);
    }
    const description = parsed.data.description?.trim();
    return { title: parsed.data.title, link, ...(description ? { description } : {}), published, categories: parsed.data.categories };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The release page

const HTML_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', hyphen: '\u2010',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e', hellip: '\u2026',
  bull: '\u2022', middot: '\u00b7', sect: '\u00a7', para: '\u00b6', copy: '\u00a9', reg: '\u00ae', trade: '\u2122',
  deg: '\u00b0', plusmn: '\u00b1', times: '\u00d7', divide: '\u00f7', minus: '\u2212', frac12: '\u00bd', frac14: '\u00bc',
  frac34: '\u00be', cent: '\u00a2', pound: '\u00a3', euro: '\u20ac', yen: '\u00a5', dagger: '\u2020', Dagger: '\u2021',
  shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', laquo: '\u00ab', raquo: '\u00bb',
  eacute: '\u00e9', Eacute: '\u00c9', egrave: '\u00e8', aacute: '\u00e1', agrave: '\u00e0', iacute: '\u00ed', oacute: '\u00f3',
  uacute: '\u00fa', ntilde: '\u00f1', ccedil: '\u00e7', uuml: '\u00fc', ouml: '\u00f6', auml: '\u00e4', szlig: '\u00df',
};

function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (match, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return HTML_ENTITIES[ref] ?? match;
  });
}

/** A start tag, respecting quoted attribute values (which may contain ">"). */
const START_TAG = /<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function attributeValue(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i').exec(attrs);
  return m ? decodeHtmlEntities(m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/** [start of the start tag, end of the start tag, start of the end tag, end of the end tag] of the element opening at `from`. */
function elementBounds(html: string, tagName: string, from: number, startTagEnd: number): [number, number, number, number] {
  const tag = new RegExp(`<(/?)${tagName}\\b(?:[^>"']|"[^"]*"|'[^']*')*?(/?)>`, 'gi');
  tag.lastIndex = startTagEnd;
  let depth = 1;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[1]) depth--;
    else if (!m[2]) depth++;
    if (depth === 0) return [from, startTagEnd, m.index, tag.lastIndex];
  }
  // An unclosed element runs to the end of the document, as browsers treat it.
  return [from, startTagEnd, html.length, html.length];
}

function findElements(html: string, matches: (tag: string, attrs: string) => boolean): Array<[number, number, number, number]> {
  const found: Array<[number, number, number, number]> = [];
  START_TAG.lastIndex = 0;
  for (let m = START_TAG.exec(html); m; m = START_TAG.exec(html)) {
    const tag = m[1]!.toLowerCase();
    if (!matches(tag, m[2] ?? '')) continue;
    if (m[3] === '/' || VOID_ELEMENTS.has(tag)) {
      found.push([m.index, START_TAG.lastIndex, START_TAG.lastIndex, START_TAG.lastIndex]);
      continue;
    }
    const bounds = elementBounds(html, tag, m.index, START_TAG.lastIndex);
    found.push(bounds);
    START_TAG.lastIndex = bounds[3];
  }
  return found;
}

/** Classes of the page heading and share widgets that some release pages place inside the article. */
const CHROME_CLASSES = new Set(['heading', 'page-header', 'shareDL', 'article__time', 'releaseTime', 'lastUpdate', 'back-to-top']);
const BLOCK_TAGS = 'p|div|h[1-6]|li|ul|ol|dl|dt|dd|table|thead|tbody|tfoot|tr|blockquote|section|article|header|footer|nav|aside|pre|figure|figcaption|hr|main|form';
const PARAGRAPH = '\u0000P\u0000';
const LINE = '\u0000L\u0000';

/** The text of an HTML fragment: tags dropped, entities decoded, one blank line between blocks, <br> as a line break. */
function htmlToText(fragment: string): string {
  const marked = fragment
    .replace(/<br\b[^>]*>/gi, LINE)
    .replace(new RegExp(`</?(?:${BLOCK_TAGS})\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, 'gi'), PARAGRAPH)
    .replace(/<\/?t[dh]\b[^>]*>/gi, ' ')
    .replace(/<\/?[A-Za-z](?:[^>"']|"[^"]*"|'[^']*')*>/g, '')
    .replace(/[ \t\r\n\f]+/g, ' ');
  return decodeHtmlEntities(marked)
    .split(PARAGRAPH)
    .map((block) =>
      block
        .split(LINE)
        .map((line) => line.trim())
        .join('\n')
        .replace(/^\n+|\n+$/g, ''),
    )
    .filter((block) => block.trim() !== '')
    .join('\n\n');
}


/**
 * The article text of a federalreserve.gov page: the content of `<div id="article">` without scripts, styles,
 * comments, the heading/share widgets and the release header; paragraphs separated by a blank line.
 * Returns null when the page has no such element.
 */
export function extractArticleText(html: string): string | null {
  const cleaned = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style|noscript|template|svg)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  const article = findElements(cleaned, (_tag, attrs) => attributeValue(attrs, 'id') === 'article')[0];
  if (!article) return null;
  let inner = cleaned.slice(article[1], article[2]);
  // Each removed widget leaves a paragraph break so the text on either side does not run together.
  const chrome = findElements(inner, (_tag, attrs) => (attributeValue(attrs, 'class') ?? '').split(/\s+/).some((c) => CHROME_CLASSES.has(c)));
  for (const [start, , , end] of chrome.reverse()) inner = `${inner.slice(0, start)}<p></p>${inner.slice(end)}`;
  return stripReleaseHeader(htmlToText(inner));
}

// ---------------------------------------------------------------------------------------------------------
// Kinds, dates, documents

/** The kind of a release, from its title as the Fed words it. */
export function pressReleaseKind(title: string): DocumentKind {
  if (/implementation note/i.test(title)) return 'implementation_note';
  if (/^Minutes of the Federal Open Market Committee/i.test(title)) return 'minutes';
  if (/FOMC statement/i.test(title)) return 'statement';
  // The snapshot files SEP releases as 'sep'; the same release read live keeps that kind (and id).
  if (/release economic projections/i.test(title)) return 'sep';
  return 'press_release';
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The release date in Washington (the Fed's calendar), whatever the feed's time zone. */
function washingtonDate(at: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * Minutes are dated by the meeting they record (as in the snapshot): from the page name `fomcminutesYYYYMMDD`
 * or a title ending "…, July 28-29, 2026"; otherwise the release date.
 */
function minutesMeetingDate(item: FedPressItem): IsoDate | null {
  const fromUrl = /fomcminutes(\d{4})(\d{2})(\d{2})\b/.exec(item.link);
  if (fromUrl) return `${fromUrl[1]}-${fromUrl[2]}-${fromUrl[3]}`;
  const fromTitle = /,\s*([A-Za-z]+)\s+(?:\d{1,2}\s*[-\u2013]\s*(?:([A-Za-z]+)\s+)?)?(\d{1,2}),\s*(\d{4})\s*$/.exec(item.title);
  if (!fromTitle) return null;
  const month = MONTHS.indexOf((fromTitle[2] ?? fromTitle[1]!).toLowerCase());
  if (month < 0) return null;
  return `${fromTitle[4]}-${String(month + 1).padStart(2, '0')}-${fromTitle[3]!.padStart(2, '0')}`;
}

export function pressReleaseDocument(item: FedPressItem, articleText: string): FinDocument {
  const kind = pressReleaseKind(item.title);
  const date = (kind === 'minutes' ? minutesMeetingDate(item) : null) ?? washingtonDate(item.published);
  return {
    id: fomcDocumentId(kind, date, item.title),
    kind,
    title: item.title,
    date,
    url: item.link,
    language: 'en',
    body: stripMediaContact(articleText),
    publisher: publisherFor(kind),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The connector

export interface FedPressOptions extends HttpSettings {
  /** RSS feed to read; defaults to the Fed's monetary-policy press release feed. */
  feedUrl?: string;
}

export interface FetchNewOptions {
  /**
   * Items already known are skipped: a Date skips items published at or before that instant; an ISO date
   * skips items released (Washington time) on or before that day.
   */
  since?: Date | IsoDate;
  /** Release URLs already stored; skipped too. */
  knownUrls?: Iterable<string>;
  signal?: AbortSignal;
}

export interface FedPressFailure {
  url: string;
  title: string;
  error: FinciteError;
}

export interface FedPressBatch {
  /** Documents for the new items whose pages could be read, in feed order. */
  documents: FinDocument[];
  /** New items whose page could not be fetched or read; retry them later. */
  failures: FedPressFailure[];
  /** Items skipped because of `since` / `knownUrls`. */
  skipped: number;
  provenance: Provenance;
}

export interface FedPressConnector {
  readonly source: 'fed';
  readonly feedUrl: string;
  listItems(opts?: { signal?: AbortSignal }): Promise<FedPressItem[]>;
  fetchNew(opts?: FetchNewOptions): Promise<FedPressBatch>;
}

const IsoDateSchema = z.iso.date();

function isKnown(item: FedPressItem, since: Date | IsoDate | undefined, known: Set<string>): boolean {
  if (known.has(item.link)) return true;
  if (since === undefined) return false;
  if (since instanceof Date) return item.published.getTime() <= since.getTime();
  return washingtonDate(item.published) <= since;
}

export function createFedPressConnector(options: FedPressOptions = {}): FedPressConnector {
  const { feedUrl = DEFAULT_FED_FEED_URL, ...http } = options;

  async function get(url: string, accept: string, signal: AbortSignal | undefined): Promise<string> {
    const res = await fetchWithRetry(url, { ...http, signal, source: SOURCE, headers: { Accept: accept } });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new SourceUnavailableError(SOURCE, `GET ${url} answered HTTP ${res.status}`);
    }
    return readBodyText(res, SOURCE, url);
  }

  async function listItems(opts: { signal?: AbortSignal } = {}): Promise<FedPressItem[]> {
    const xml = await get(feedUrl, 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.8', opts.signal);
    return parseFedPressFeed(xml, feedUrl);
  }

  async function fetchNew(opts: FetchNewOptions = {}): Promise<FedPressBatch> {
    const { since } = opts;
    if (since instanceof Date ? Number.isNaN(since.getTime()) : since !== undefined && !IsoDateSchema.safeParse(since).success) {
      throw new InvalidDateError(String(since));
    }
    const retrievedAt = new Date();
    const items = await listItems({ signal: opts.signal });
    const known = new Set(opts.knownUrls ?? []);
    const fresh = items.filter((item) => !isKnown(item, since, known));
    const documents: FinDocument[] = [];
    const failures: FedPressFailure[] = [];
    for (const item of fresh) {
      try {
        const html = await get(item.link, 'text/html', opts.signal);
        const text = extractArticleText(html);
        if (text === null) throw new MalformedResponseError(SOURCE, `page ${item.link} has no <div id="article">`);
        if (text.trim() === '') throw new MalformedResponseError(SOURCE, `page ${item.link} has an empty article`);
        documents.push(pressReleaseDocument(item, text));
      } catch (err) {
        if (!(err instanceof FinciteError)) throw err;
        failures.push({ url: item.link, title: item.title, error: err });
      }
    }
    return { documents, failures, skipped: items.length - fresh.length, provenance: { source: 'fed', url: feedUrl, retrievedAt, mode: 'live' } };
  }

  return { source: 'fed', feedUrl, listItems, fetchNew };
}

const FeedEnv = z.object({ FINCITE_FED_FEED_URL: z.string().url().optional() });

/** The connector configured from the environment: FINCITE_FED_FEED_URL overrides the feed (mirrors, tests). */
export function fedPressConnectorFromEnv(env: NodeJS.ProcessEnv = process.env, http: HttpSettings = {}): FedPressConnector {
  const parsed = FeedEnv.safeParse({ FINCITE_FED_FEED_URL: env.FINCITE_FED_FEED_URL || undefined });
  if (!parsed.success) throw new Error(`Invalid environment variable FINCITE_FED_FEED_URL: ${parsed.error.issues[0]?.message}`);
  return createFedPressConnector({ ...http, feedUrl: parsed.data.FINCITE_FED_FEED_URL ?? DEFAULT_FED_FEED_URL });
}
