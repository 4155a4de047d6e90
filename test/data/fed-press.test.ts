// The live press-release connector against a loopback federalreserve.gov built from recorded releases: the
// article text comes back as recorded, known items are skipped, failures are retried or reported clearly.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MalformedResponseError, SourceUnavailableError } from '../../src/core/errors.ts';
import type { FinDocument } from '../../src/core/types.ts';
import {
  DEFAULT_FED_FEED_URL,
  createFedPressConnector,
  extractArticleText,
  fedPressConnectorFromEnv,
  parseFedPressFeed,
  pressReleaseDocument,
  pressReleaseKind,
} from '../../src/data/fed-press.ts';
import { readFomcSnapshot } from '../../src/data/fomc.ts';
import { CHROME_MARKERS, startFedServer, type FedFixture } from '../fixtures/fed-server.ts';

const SNAPSHOT = process.env.FINCITE_SNAPSHOT ?? path.resolve(import.meta.dirname, '../../../shared/data');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const noWait = async () => {};

/** The recorded text without its media-contact lines, worked out here without the connector's helper. */
function recordedPolicyText(text: string): string {
  return squash(
    text
      .split('\n')
      .filter((line) => !/^(For media inquiries|\[email.protected\]|or call |\.$)/.test(line.trim()))
      .join('\n'),
  );
}

describe('Federal Reserve press releases through a loopback server', () => {
  let fixture: FedFixture;
  let snapshotById: Map<string, FinDocument>;
  const connector = () => createFedPressConnector({ feedUrl: fixture.feedUrl, retries: 2, timeoutMs: 5_000, sleep: noWait });

  beforeAll(async () => {
    fixture = await startFedServer({ snapshotRoot: SNAPSHOT, releases: 6 });
    snapshotById = new Map((await readFomcSnapshot(SNAPSHOT)).documents.map((d) => [d.id, d]));
  });
  afterAll(async () => {
    await fixture.close();
  });
  afterEach(() => {
    fixture.setFeedMalformed(false);
    fixture.requests.length = 0;
  });

  it('lists the feed items with absolute links and dates', async () => {
    const items = await connector().listItems();
    expect(items).toHaveLength(fixture.releases.length);
    for (const item of items) expect(item.link.startsWith(`${fixture.origin}/`)).toBe(true);
    expect(items.map((i) => i.published.getTime())).toEqual([...items.map((i) => i.published.getTime())].sort((a, b) => b - a));
  });

  it('returns each release with the recorded text, the snapshot id and no page chrome', async () => {
    const batch = await connector().fetchNew();
    expect(batch.failures).toEqual([]);
    expect(batch.documents).toHaveLength(fixture.releases.length);
    expect(batch.provenance).toMatchObject({ source: 'fed', url: fixture.feedUrl, mode: 'live' });
    for (const release of fixture.releases) {
      const doc = batch.documents.find((d) => d.url === `${fixture.origin}${release.path}`);
      expect(doc, release.recordId).toBeDefined();
      expect(squash(doc!.body)).toBe(recordedPolicyText(release.text));
      // The same release read from the snapshot has the same id, kind, date and body.
      const offline = snapshotById.get(doc!.id);
      expect(offline, doc!.id).toBeDefined();
      expect(offline).toMatchObject({ kind: doc!.kind, date: doc!.date, title: doc!.title, url: release.recordedUrl });
      expect(squash(doc!.body)).toBe(squash(offline!.body));
      for (const marker of CHROME_MARKERS) expect(doc!.body).not.toContain(marker);
      expect(doc!.body).not.toMatch(/For media inquiries|For release at|commented out/);
    }
    const kinds = batch.documents.map((d) => `${d.kind} ${d.date}`).sort();
    expect(kinds).toEqual([
      'minutes 2026-06-17',
      'minutes 2026-07-29',
      'sep 2026-06-17',
      'statement 2026-04-29',
      'statement 2026-06-17',
      'statement 2026-07-29',
    ]);
  });

  it('skips items published at or before `since`, and known URLs, without fetching their pages', async () => {
    const items = await connector().listItems();
    const since = items[2]!.published;
    fixture.requests.length = 0;
    const batch = await connector().fetchNew({ since });
    expect(batch.skipped).toBe(items.length - 2);
    expect(batch.documents.map((d) => d.url)).toEqual(items.slice(0, 2).map((i) => i.link));
    const fetchedPages = fixture.requests.filter((p) => p !== new URL(fixture.feedUrl).pathname);
    expect(fetchedPages).toEqual(items.slice(0, 2).map((i) => new URL(i.link).pathname));

    const byUrl = await connector().fetchNew({ knownUrls: items.slice(1).map((i) => i.link) });
    expect(byUrl.documents.map((d) => d.url)).toEqual([items[0]!.link]);

    const byDay = await connector().fetchNew({ since: '2026-07-29' });
    expect(byDay.documents.map((d) => d.id)).toEqual(['fomc-minutes-2026-07-29']);
    await expect(connector().fetchNew({ since: '29/07/2026' })).rejects.toThrow(/not a valid date/);
  });

  it('retries a page and the feed that fail once with HTTP 500', async () => {
    const statement = fixture.releases.find((r) => r.recordId === 'monetary20260729a')!;
    fixture.failNext(statement.path, 500, 1);
    fixture.failNext(new URL(fixture.feedUrl).pathname, 500, 1);
    const batch = await connector().fetchNew();
    expect(batch.failures).toEqual([]);
    expect(batch.documents.map((d) => d.id)).toContain('fomc-statement-2026-07-29');
    expect(fixture.requests.filter((p) => p === statement.path)).toHaveLength(2);
    expect(fixture.requests.filter((p) => p === new URL(fixture.feedUrl).pathname)).toHaveLength(2);
  });

  it('reports a page that keeps failing and still returns the others', async () => {
    const sep = fixture.releases.find((r) => r.recordId === 'monetary20260617b')!;
    fixture.failNext(sep.path, 503, 10);
    const batch = await connector().fetchNew();
    expect(batch.documents).toHaveLength(fixture.releases.length - 1);
    expect(batch.failures).toHaveLength(1);
    expect(batch.failures[0]!.url).toBe(`${fixture.origin}${sep.path}`);
    expect(batch.failures[0]!.error).toBeInstanceOf(SourceUnavailableError);
    expect(batch.failures[0]!.error.message).toMatch(/HTTP 503/);
    fixture.failNext(sep.path, 503, 0);
  });

  it('rejects a feed cut off mid-item as malformed XML, naming the problem', async () => {
    fixture.setFeedMalformed(true);
    const attempt = connector().fetchNew();
    await expect(attempt).rejects.toBeInstanceOf(MalformedResponseError);
    await expect(attempt).rejects.toThrow(/not well-formed XML: <(item|title|link|guid)> opened at line \d+ is never closed/);
    expect(fixture.requests.filter((p) => p.endsWith('.htm'))).toEqual([]);
  });

  it('takes the feed URL from FINCITE_FED_FEED_URL', async () => {
    const fromEnv = fedPressConnectorFromEnv({ FINCITE_FED_FEED_URL: fixture.feedUrl }, { sleep: noWait });
    expect(fromEnv.feedUrl).toBe(fixture.feedUrl);
    expect((await fromEnv.listItems()).length).toBe(fixture.releases.length);
    expect(fedPressConnectorFromEnv({}).feedUrl).toBe(DEFAULT_FED_FEED_URL);
    expect(() => fedPressConnectorFromEnv({ FINCITE_FED_FEED_URL: 'not a url' })).toThrow(/FINCITE_FED_FEED_URL/);
  });
});

describe('parseFedPressFeed', () => {
  const feedUrl = 'https://www.federalreserve.gov/feeds/press_monetary.xml';
  const feed = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;
  const item = (fields: string) => `<item>${fields}</item>`;

  it('reads RSS 2.0 items, entities, CDATA and relative links', () => {
    const items = parseFedPressFeed(
      feed(
        item(
          '<title>Minutes of the Federal Open Market Committee, July 28&#8211;29, 2026</title><link>/newsevents/pressreleases/monetary20260819a.htm</link>' +
            '<description><![CDATA[<p>Minutes & more</p>]]></description><category>Monetary Policy</category><pubDate>Wed, 19 Aug 2026 18:00:00 Z</pubDate>',
        ),
      ),
      feedUrl,
    );
    expect(items).toEqual([
      {
        title: 'Minutes of the Federal Open Market Committee, July 28\u201329, 2026',
        link: 'https://www.federalreserve.gov/newsevents/pressreleases/monetary20260819a.htm',
        description: '<p>Minutes & more</p>',
        published: new Date('2026-08-19T18:00:00Z'),
        categories: ['Monetary Policy'],
      },
    ]);
    // Minutes are dated by the meeting, as in the snapshot.
    expect(pressReleaseDocument(items[0]!, 'text')).toMatchObject({ id: 'fomc-minutes-2026-07-29', kind: 'minutes', date: '2026-07-29' });
  });

  it.each([
    ['an HTML error page', '<html><body>Service Unavailable</body></html>', /not RSS/],
    ['a bare ampersand', feed(item('<title>A & B</title>')), /bare "&"/],
    ['crossed tags', feed('<item><title>x</item></title>'), /does not close <title>/],
    ['an item without a link', feed(item('<title>x</title><pubDate>Wed, 19 Aug 2026 18:00:00 Z</pubDate>')), /item 1 .*link: missing/],
    ['an unreadable date', feed(item('<title>x</title><link>/a.htm</link><pubDate>someday</pubDate>')), /unreadable pubDate/],
    ['text only', 'Service Unavailable', /no root element|outside the root/],
  ])('rejects %s as malformed', (_name, xml, message) => {
    expect(() => parseFedPressFeed(xml, feedUrl)).toThrow(MalformedResponseError);
    expect(() => parseFedPressFeed(xml, feedUrl)).toThrow(message);
  });
});

describe('extractArticleText', () => {
  it('keeps nested content, drops scripts, widgets and markup, and decodes entities', () => {
    const html = `<div id="nav">Menu</div><div class="x" id="article"><div class="heading"><p class="article__time">July 29, 2026</p><h3>Title</h3></div>
      <div><p>Rates &amp; reserves: 3&#8209;1/2 to 3&#x2011;3/4&nbsp;percent.</p><script>document.write("<div>")</script>
      <div><p>Second <a href="/x" title="a > b">paragraph</a><br>with a break.</p></div></div></div><footer>Footer</footer>`;
    expect(extractArticleText(html)).toBe('Rates & reserves: 3\u20111/2 to 3\u20113/4\u00a0percent.\n\nSecond paragraph\nwith a break.');
  });

  it('returns null for a page without the article', () => {
    expect(extractArticleText('<html><body><div id="content"><p>Not found</p></div></body></html>')).toBeNull();
  });

  it('names the kind from the title', () => {
    expect(pressReleaseKind('Federal Reserve issues FOMC statement')).toBe('statement');
    expect(pressReleaseKind('Minutes of the Federal Open Market Committee, July 28-29, 2026')).toBe('minutes');
    expect(pressReleaseKind('Implementation Note issued July 29, 2026')).toBe('implementation_note');
    expect(pressReleaseKind('Federal Reserve Board and Federal Open Market Committee release economic projections from the June 16-17 FOMC meeting')).toBe('sep');
    expect(pressReleaseKind('Federal Reserve Board announces approval of discount rate actions')).toBe('press_release');
  });
});
