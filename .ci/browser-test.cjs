// Browser test of the handbook and the live preview, in Debian's chromium
// driven by playwright-core (see .ci/run, which prepares both).
//
//   node .ci/browser-test.cjs SITE_DIR WATCH_URL WATCHED_FILE SCREENSHOT_DIR
//
// 1. The static handbook: index and a process page load from file://
//    without console errors, show their tables and the inline diagram;
//    full-page screenshots are saved.
// 2. The live preview (`flowc watch`, already running at WATCH_URL over
//    a copy of the examples): the open page updates by itself after the
//    file is edited, and shows the errors (keeping the diagram) after the
//    file is broken, in view even when the page was scrolled to its end.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [siteDir, watchUrl, watchedFile, shots] = process.argv.slice(2);
if (!shots) {
  console.error('usage: browser-test.cjs SITE_DIR WATCH_URL WATCHED_FILE SCREENSHOT_DIR');
  process.exit(2);
}

function fail(message) {
  console.error(`browser test failed: ${message}`);
  process.exit(1);
}

function watchConsole(page, errors) {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
}

async function staticHandbook(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  watchConsole(page, errors);
  const index = 'file://' + path.resolve(siteDir, 'index.html');
  await page.goto(index);
  const rows = await page.locator('table.index tbody tr').count();
  if (rows < 11) fail(`the index lists ${rows} processes, expected at least 11`);
  await page.screenshot({ path: path.join(shots, 'handbook-index.png'), fullPage: true });
  await page.click('a[href="expense_claim.html"]');
  await page.waitForSelector('#steps');
  const steps = await page.locator('table.steps tbody tr').count();
  if (steps !== 6) fail(`expense_claim shows ${steps} steps, expected 6`);
  const diagram = page.locator('figure.diagram svg');
  if (!(await diagram.isVisible())) fail('the diagram is not visible');
  const box = await diagram.boundingBox();
  if (!box || box.width < 300) fail(`the diagram is too small: ${JSON.stringify(box)}`);
  const matrix = await page.locator('table.matrix tbody tr').count();
  if (matrix < 3) fail(`the responsibility matrix has ${matrix} rows`);
  await page.screenshot({ path: path.join(shots, 'handbook-expense_claim.png'), fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: path.join(shots, 'handbook-expense_claim.pdf'), format: 'A4' });
  if (errors.length) fail(`console errors:\n${errors.join('\n')}`);
  await page.close();
  console.log(`static handbook: ${rows} processes on the index, ${steps} steps, ${matrix} matrix rows`);
}

// Step text on every process page, at a laptop's width (1366 px): the most
// common rendered text size in the diagram (step text) is at least 12 px on
// screen; in print, every page of the diagram keeps it at least 7 pt, and
// the printed PDF has at least as many pages as the diagram is cut into.
async function legibleDiagrams(browser) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const pages = fs.readdirSync(siteDir).filter((name) => name.endsWith('.html') && name !== 'index.html');
  let measured = 0;
  for (const name of pages.sort()) {
    await page.emulateMedia({ media: 'screen' });
    await page.goto('file://' + path.resolve(siteDir, name));
    const sizes = await page.evaluate(() => {
      const svg = document.querySelector('figure.diagram svg');
      const counts = new Map();
      for (const text of svg.querySelectorAll('text')) {
        if (!text.textContent.trim()) continue;
        const matrix = text.getScreenCTM();
        const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
        const key = size.toFixed(1);
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      const printed = [...document.querySelectorAll('.print-page')].map((figure) => parseFloat(figure.dataset.textPt));
      return { counts: [...counts.entries()], printed };
    });
    const [step] = sizes.counts.sort((a, b) => b[1] - a[1])[0];
    if (parseFloat(step) < 12) fail(`${name}: step text is ${step} px on a 1366 px screen`);
    if (!sizes.printed.length) fail(`${name}: no print page for the diagram`);
    const smallest = Math.min(...sizes.printed);
    if (smallest < 7) fail(`${name}: printed step text is ${smallest} pt`);
    await page.emulateMedia({ media: 'print' });
    const pdf = path.join(shots, name.replace('.html', '.pdf'));
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const pdfPages = (fs.readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    if (pdfPages < sizes.printed.length) fail(`${name}: ${pdfPages} PDF pages for ${sizes.printed.length} diagram pages`);
    console.log(`${name}: step text ${step} px on screen, >= ${smallest} pt on ${sizes.printed.length} print page(s), ${pdfPages} PDF pages`);
    measured += 1;
  }
  if (measured < 11) fail(`measured ${measured} process pages, expected at least 11`);
  await page.close();
}

async function livePreview(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  watchConsole(page, errors);
  await page.goto(`${watchUrl}/expense_claim.html`);
  await page.waitForSelector('#steps');
  const original = fs.readFileSync(watchedFile, 'utf8');
  if (!original.includes('員工申請')) fail('the watched file has no step labelled 員工申請');
  const edited = original.replace('員工申請', '員工線上申請');
  fs.writeFileSync(watchedFile, edited);
  await page.waitForFunction(
    () => document.querySelector('figure.diagram').textContent.includes('員工線上申請'),
    null,
    { timeout: 60000 },
  ).catch(() => fail('the page did not update after the edit'));
  await page.screenshot({ path: path.join(shots, 'watch-after-edit.png'), fullPage: true });
  // Scrolled to the bottom when the file breaks: the reload keeps the
  // scroll position, and the errors must still be in view.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  fs.writeFileSync(watchedFile, edited + '\nstep {\n');
  await page.waitForSelector('#live-errors', { timeout: 60000 })
    .catch(() => fail('the page did not show the errors'));
  await page.waitForLoadState('load');
  const view = await page.evaluate(() => {
    const banner = document.querySelector('#live-errors').getBoundingClientRect();
    return { top: banner.top, bottom: banner.bottom, scrolled: window.scrollY, height: window.innerHeight };
  });
  if (view.scrolled <= 0) fail(`the page was not scrolled down: ${JSON.stringify(view)}`);
  if (view.top < 0 || view.top >= view.height || view.bottom <= 0) {
    fail(`the errors are out of view after scrolling down: ${JSON.stringify(view)}`);
  }
  await page.screenshot({ path: path.join(shots, 'watch-errors-in-view.png') });
  const kept = await page.locator('figure.diagram').textContent();
  if (!kept.includes('員工線上申請')) fail('the last good diagram was not kept');
  await page.screenshot({ path: path.join(shots, 'watch-with-errors.png'), fullPage: true });
  fs.writeFileSync(watchedFile, original);
  await page.waitForFunction(
    () => !document.querySelector('#live-errors')
      && document.querySelector('figure.diagram').textContent.includes('員工申請'),
    null,
    { timeout: 60000 },
  ).catch(() => fail('the page did not recover after the fix'));
  // Reloads abort the event stream of the page being left; only errors
  // from the page's own scripts count.
  const real = errors.filter((line) => !/net::ERR_ABORTED|EventSource/.test(line));
  if (real.length) fail(`console errors:\n${real.join('\n')}`);
  await page.close();
  console.log('live preview: updated after the edit, showed the errors in view, recovered after the fix');
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  try {
    await staticHandbook(browser);
    await legibleDiagrams(browser);
    await livePreview(browser);
  } finally {
    await browser.close();
  }
})().catch((error) => fail(error.stack || String(error)));
