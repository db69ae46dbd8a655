// End-to-end test of the web dashboard: a store coded from our examples and
// the seed story, served by the real `dyad serve`, driven in Debian's
// chromium through playwright-core. Filters to JPN and IGOWSTNAT, checks
// that the timeline, the network and the map draw data, finds the visit
// (CAMEO 042) in the event table, opens its article and checks that the
// highlighted evidence is the event's evidence. Screenshots of each view
// are saved as test artifacts.
//
// usage: node dashboard_test.mjs DYAD_BINARY REPO_DIR SHARED_DIR ARTIFACT_DIR
// Exits 77 (ctest SKIP_RETURN_CODE) when something it needs is absent.

import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {createInterface} from 'node:readline';

const SKIP = 77;
const OVERALL_TIMEOUT_MS = 120_000;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const [dyadBinary, repoArg, sharedArg, artifactArg] = process.argv.slice(2);
if (!dyadBinary || !repoArg || !artifactArg) {
  console.error('usage: node dashboard_test.mjs DYAD_BINARY REPO_DIR SHARED_DIR ARTIFACT_DIR');
  process.exit(2);
}
const repo = resolve(repoArg);
const seedStory = sharedArg ? join(resolve(sharedArg), 'gold/seed/nato_japan.txt') : '';
const webDist = join(repo, 'web/dist');
const artifactDir = resolve(artifactArg);

function skip(reason) {
  console.log(`SKIP dashboard_e2e: ${reason}`);
  process.exit(SKIP);
}
if (!sharedArg || !existsSync(seedStory)) skip(`the seed story ${seedStory || '(no SHARED_DIR)'} is missing (../shared not present)`);
if (!existsSync(CHROMIUM)) skip(`${CHROMIUM} is not installed`);
if (!existsSync(join(repo, 'node_modules/playwright-core'))) skip(`${repo}/node_modules/playwright-core is missing (npm ci)`);
if (!existsSync(join(webDist, 'index.html'))) skip(`${webDist}/index.html is missing (run scripts/build-web.sh)`);
if (!existsSync(dyadBinary)) {
  console.error(`FAIL dashboard_e2e: the dyad binary ${dyadBinary} does not exist`);
  process.exit(1);
}

const {chromium} = createRequire(join(repo, 'package.json'))('playwright-core');

let server = null;
let context = null;
let workDir = null;

class TestFailure extends Error {}
function check(condition, message) {
  if (!condition) throw new TestFailure(message);
  console.log(`ok - ${message}`);
}

// Stops the browser and the server and removes the temp store, once, however
// the run ends (pass, failure, time limit or signal).
let cleaning = null;
function cleanUp() {
  cleaning ??= stopEverything();
  return cleaning;
}

async function stopEverything() {
  if (context) {
    await context.close().catch(() => {});
    context = null;
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
  server = null;
  if (workDir) {
    try {
      // Chromium's helpers may still be flushing the profile for a moment.
      rmSync(workDir, {recursive: true, force: true, maxRetries: 10, retryDelay: 200});
    } catch (error) {
      console.error(`warning: could not remove ${workDir}: ${error.message}`);
    }
    workDir = null;
  }
}

// Codes the examples and the seed story into a fresh store.
function makeStore(dbPath) {
  const args = ['code', '--db', dbPath, '--published', '2023-02-01', join(repo, 'examples'), seedStory];
  const result = spawnSync(dyadBinary, args, {encoding: 'utf8', timeout: 60_000});
  if (result.status !== 0) {
    throw new TestFailure(`dyad ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr}`);
  }
  console.log(`store: ${(result.stderr || result.stdout).trim().split('\n').pop()}`);
}

// Starts `dyad serve` on a free port; resolves to its base URL.
function startServer(dbPath) {
  const args = ['serve', '--db', dbPath, '--port', '0', '--web', webDist];
  server = spawn(dyadBinary, args, {stdio: ['ignore', 'pipe', 'pipe']});
  let stderr = '';
  server.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new TestFailure(
        `dyad serve printed no listening line in 20 s; stderr:\n${stderr}`)), 20_000);
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new TestFailure(`dyad ${args.join(' ')} exited (${code ?? signal}) before listening; stderr:\n${stderr}`));
    });
    createInterface({input: server.stdout}).on('line', (line) => {
      const match = /^dyad serve: listening on (http:\/\/\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1].replace(/\/$/, ''));
      }
    });
  });
}

async function screenshot(target, name, options = {}) {
  const path = join(artifactDir, `${name}.png`);
  await target.screenshot({path, ...options});
  console.log(`screenshot: ${path}`);
  return path;
}

async function run() {
  workDir = mkdtempSync(join(tmpdir(), 'dyad-dashboard-'));
  mkdirSync(artifactDir, {recursive: true});
  const dbPath = join(workDir, 'dyad.db');
  makeStore(dbPath);
  const base = await startServer(dbPath);
  console.log(`server: ${base}`);

  const health = await (await fetch(`${base}/api/health`)).json();
  check(health.events > 0, `the store holds events (${health.events} events, ${health.articles} articles)`);

  context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: {width: 1440, height: 1000},
    deviceScaleFactor: 1,
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors = [];
  const foreignRequests = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`browser console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !url.startsWith('data:')) foreignRequests.push(url);
  });

  await page.goto(`${base}/`, {waitUntil: 'load'});
  await page.waitForFunction(() => !/Connecting/.test(document.querySelector('#store-summary').textContent));

  // Filter to the dyad through the filter bar, as an analyst would.
  await page.fill('#f-a', 'jpn');
  await page.fill('#f-b', 'IGOWSTNAT');
  await page.click('#f-apply');
  await page.waitForFunction(() => location.hash.includes('a=JPN') && location.hash.includes('b=IGOWSTNAT'));
  check(true, 'the filter bar put a=JPN and b=IGOWSTNAT in the URL hash');

  for (const id of ['timeline', 'network', 'map']) {
    await page.waitForSelector(`#${id}[data-state="ready"]`);
  }
  await page.waitForSelector('#events-table[data-state="ready"]');

  const timeline = await page.evaluate(() => {
    const chart = window.dyadDashboard.timeline.chart;
    const series = chart.getOption().series;
    const total = series.filter((s) => s.type === 'bar')
        .reduce((sum, s) => sum + s.data.reduce((acc, v) => acc + Math.abs(v), 0), 0);
    return {series: series.length, barEvents: total,
      bars: document.querySelectorAll('#timeline svg path').length};
  });
  check(timeline.series > 0 && timeline.barEvents > 0,
      `the timeline draws ${timeline.series} series holding ${timeline.barEvents} JPN/IGOWSTNAT events (${timeline.bars} SVG paths)`);

  const network = await page.evaluate(() => {
    const cy = window.dyadDashboard.network.cy;
    return {nodes: cy.nodes().length, edges: cy.edges().length,
      ids: cy.nodes().map((n) => n.id())};
  });
  check(network.nodes > 0 && network.edges > 0,
      `the network draws ${network.nodes} actors and ${network.edges} links`);
  check(network.ids.includes('JPN'), 'the network includes JPN');

  const map = await page.evaluate(() => ({
    filled: document.querySelectorAll('#map path.country.has-data').length,
    all: document.querySelectorAll('#map path.country').length,
    japan: document.querySelector('#map path[data-iso3="JPN"]')?.getAttribute('class') ?? '',
  }));
  check(map.all > 100 && map.filled > 0,
      `the map draws ${map.all} country outlines, ${map.filled} shaded with data`);
  check(/\bhas-data\b/.test(map.japan), 'Japan is shaded on the choropleth');

  await page.waitForSelector('#profile[data-state="ready"]');
  const partners = await page.$$eval('[data-testid="profile-partners"] li .bar-label', (b) => b.map((x) => x.textContent));
  check(partners.includes('IGOWSTNAT'), `the JPN profile lists IGOWSTNAT among its partners (${partners.join(', ')})`);

  await page.waitForTimeout(300);  // let the canvas and SVG settle for the pictures
  await screenshot(page, 'dashboard', {fullPage: true});
  await screenshot(page.locator('#timeline-panel'), 'timeline');
  await screenshot(page.locator('#network-panel'), 'network');
  await screenshot(page.locator('#map-panel'), 'map');

  // The visit: CAMEO 042 from NATO to Japan, page by page through the table.
  let visitRow = null;
  for (let pageIndex = 0; pageIndex < 40 && !visitRow; pageIndex++) {
    const rows = await page.$$eval('#events-body tr[data-event-id]', (trs) => trs.map((tr) => ({
      id: tr.dataset.eventId, doc: tr.dataset.docId, cameo: tr.dataset.cameo,
      source: tr.dataset.source, target: tr.dataset.target,
      evidence: tr.querySelector('.evidence-text')?.textContent ?? '',
    })));
    const visits = rows.filter((r) => r.cameo.startsWith('042') && r.source.startsWith('IGOWSTNAT') &&
        r.target.startsWith('JPN') && /visit/i.test(r.evidence));
    visitRow = visits.find((r) => /Iruma|started his Japan visit/.test(r.evidence)) ?? visits[0] ?? null;
    if (visitRow) break;
    if (await page.isDisabled('#events-next')) break;
    const before = rows[0]?.id;
    await page.click('#events-next');
    await page.waitForFunction((id) => {
      const table = document.querySelector('#events-table');
      return table.dataset.state === 'ready' && document.querySelector('#events-body tr')?.dataset.eventId !== id;
    }, before);
  }
  check(visitRow !== null, `the event table lists the visit (042 IGOWSTNAT → JPN): “${visitRow?.evidence}”`);

  await page.click(`#events-body tr[data-event-id="${visitRow.id}"]`);
  await page.waitForSelector('#article-view[open][data-state="ready"]');
  await page.waitForSelector('#article-view mark.evidence');
  const article = await page.evaluate(() => {
    const mark = document.querySelector('#article-view mark.evidence');
    const sentence = mark.closest('.coded-sentence');
    return {
      headline: document.querySelector('#article-headline').textContent,
      marks: document.querySelectorAll('#article-view mark.evidence').length,
      evidence: mark.textContent,
      sentence: sentence?.textContent ?? '',
      rule: document.querySelector('[data-testid="article-rule"]')?.textContent ?? '',
      source: document.querySelector('#article-text .source-span')?.textContent ?? '',
      target: document.querySelector('#article-text .target-span')?.textContent ?? '',
      shownEvent: document.querySelector('#article-view').dataset.eventId,
    };
  });
  check(article.shownEvent === visitRow.id, `the article view shows event ${visitRow.id}`);
  check(/NATO chief wants firmer ties with Japan/.test(article.headline), `the article is the seed story: “${article.headline}”`);
  check(article.marks === 1, 'exactly one evidence highlight');
  check(article.evidence === visitRow.evidence,
      `the highlighted text is the event's evidence: “${article.evidence}”`);
  check(/\bvisit\b/i.test(article.evidence), 'the highlight holds the word “visit”');
  check(/Stoltenberg/.test(article.sentence) && /visit/.test(article.sentence) && article.sentence.includes(article.evidence),
      'the highlight sits inside its coded sentence, which names Stoltenberg and the visit');
  check(article.rule.trim().length > 0, `the rule that fired is shown: ${article.rule}`);
  check(article.target.length > 0, `the target mention is marked: “${article.target}”`);

  // The browser converted UTF-8 byte spans: compare with Node's own slice.
  const api = await (await fetch(`${base}/api/articles/${encodeURIComponent(visitRow.doc)}`)).json();
  const apiEvent = api.events.find((e) => String(e.id) === visitRow.id);
  const bytes = Buffer.from(api.text, 'utf8');
  const expected = bytes.subarray(apiEvent.span[0], apiEvent.span[1]).toString('utf8');
  check(article.evidence === expected, 'the highlight equals the byte span [' + apiEvent.span.join(', ') + '] of the article text');
  check(bytes.length !== api.text.length, 'the article has non-ASCII text, so byte and string offsets differ');

  await screenshot(page, 'article');
  await screenshot(page.locator('#article-view'), 'article-view');

  // Closing the article clears it from the URL; the quote search answers.
  await page.click('#article-close');
  await page.waitForFunction(() => !location.hash.includes('article='));
  await page.waitForSelector('#quotes-list[data-state="ready"], #quotes-list[data-state="empty"]');
  const quotes = await page.$eval('#quotes-list', (list) => ({state: list.dataset.state, text: list.textContent}));
  check(quotes.state === 'ready' || /No quotes/.test(quotes.text), `the quote search answers (${quotes.state})`);

  // Clicking an actor in the network makes it actor A.
  const partner = network.ids.find((id) => id !== 'JPN' && id !== 'IGOWSTNAT');
  if (partner) {
    await page.evaluate(() => document.querySelector('#network').scrollIntoView({block: 'center'}));
    // cytoscape maps clicks with a container offset it refreshes on scroll
    // events; give the scroll event its turn before clicking.
    await page.waitForTimeout(300);
    const point = await page.evaluate((id) => {
      const cy = window.dyadDashboard.network.cy;
      const box = cy.container().getBoundingClientRect();
      const position = cy.getElementById(id).renderedPosition();
      return {x: box.left + position.x, y: box.top + position.y};
    }, partner);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((id) => new URLSearchParams(location.hash.slice(1)).get('a') === id, partner);
    check(await page.inputValue('#f-a') === partner, `clicking ${partner} in the network made it actor A`);
  }

  check(pageErrors.length === 0, `no script errors in the page${pageErrors.length ? ': ' + pageErrors.join('; ') : ''}`);
  check(foreignRequests.length === 0,
      `the page fetched nothing but the dyad server${foreignRequests.length ? ': ' + foreignRequests.join(', ') : ''}`);
}

let exitCode = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.error(`FAIL dashboard_e2e: stopped by ${signal}`);
    await cleanUp();
    process.exit(1);
  });
}
const deadline = setTimeout(async () => {
  console.error(`FAIL dashboard_e2e: over the ${OVERALL_TIMEOUT_MS / 1000} s time limit`);
  await cleanUp();
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
try {
  await run();
  console.log('PASS dashboard_e2e');
} catch (error) {
  console.error(`FAIL dashboard_e2e: ${error instanceof TestFailure ? error.message : error.stack}`);
  exitCode = 1;
} finally {
  await cleanUp();
  clearTimeout(deadline);
}
process.exit(exitCode);
