// Text inside its shape, as Chromium renders it: on every process page of
// each handbook given, every line of text of a step box or a decision
// diamond (built-in engine: `g.step`, `g.decision`; Graphviz: `g.node`
// drawn as a box, a rounded box or a diamond, not a fork or join bar,
// whose name is written beside it) lies within the bounding box
// of its shape, measured with getBBox() on the rendered text in the fonts
// the page really gets (sideways exactly; up and down, a quarter of the
// font size is allowed for the font's line box, which is taller than its
// ink). Fails naming the page, the node and the line.
//
//   node .ci/diagram-text-fit.cjs SITE_DIR [SITE_DIR...]
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const sites = process.argv.slice(2);
if (!sites.length) {
  console.error('usage: diagram-text-fit.cjs SITE_DIR [SITE_DIR...]');
  process.exit(2);
}

// What a line may stick out of its shape's box, in SVG user units
// (anti-aliasing of the outline).
const TOLERANCE = 1;

function fail(message) {
  console.error(`text fit failed: ${message}`);
  process.exit(1);
}

// Every text line of a shaped node that leaves its shape's box.
function misfits(tolerance) {
  const found = [];
  let lines = 0;
  const svg = document.querySelector('figure.diagram svg');
  const groups = svg.querySelectorAll('g.step, g.decision, g.node');
  for (const group of groups) {
    const shapes = [...group.children].filter((child) => ['rect', 'polygon', 'path'].includes(child.tagName));
    if (!shapes.length) continue;
    const boxes = shapes.map((shape) => shape.getBBox());
    const box = {
      left: Math.min(...boxes.map((b) => b.x)),
      top: Math.min(...boxes.map((b) => b.y)),
      right: Math.max(...boxes.map((b) => b.x + b.width)),
      bottom: Math.max(...boxes.map((b) => b.y + b.height)),
    };
    // A fork or join bar is a few units thick; its name is written beside
    // it (an external label), not inside.
    if (Math.min(box.right - box.left, box.bottom - box.top) < 10) continue;
    const title = group.querySelector(':scope > title');
    const first = group.querySelector(':scope > text');
    const name = (title || first)?.textContent.trim() || '?';
    // The group's own lines; an escalation note is a group of its own, drawn
    // beside the box on purpose.
    for (const text of [...group.children].filter((child) => child.tagName === 'text')) {
      if (!text.textContent.trim()) continue;
      lines += 1;
      const b = text.getBBox();
      // getBBox's height is the font's whole line box (ascent + descent:
      // 1.45 em for Noto Sans CJK), taller than the ink; a quarter of the
      // font size of it may pass the outline, the width may not.
      const lineBox = 0.25 * parseFloat(getComputedStyle(text).fontSize);
      const across = Math.max(box.left - b.x, b.x + b.width - box.right);
      const down = Math.max(box.top - b.y, b.y + b.height - box.bottom) - lineBox;
      const out = Math.max(across, down);
      if (out > tolerance) {
        const side = across >= down ? 'sideways' : 'up or down';
        found.push(`${name}: "${text.textContent}" sticks out ${side} by ${out.toFixed(1)}`);
      }
    }
  }
  return { found, lines, groups: groups.length };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  let pages = 0;
  let lines = 0;
  const problems = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    for (const site of sites) {
      const names = fs.readdirSync(site).filter((name) => name.endsWith('.html') && name !== 'index.html');
      for (const name of names.sort()) {
        await page.goto('file://' + path.resolve(site, name));
        const result = await page.evaluate(misfits, TOLERANCE);
        if (!result.groups) problems.push(`${site}/${name}: no step or decision drawn`);
        problems.push(...result.found.map((line) => `${site}/${name}: ${line}`));
        pages += 1;
        lines += result.lines;
      }
    }
  } finally {
    await browser.close();
  }
  if (pages < 11 * sites.length) fail(`measured ${pages} pages, expected at least ${11 * sites.length}`);
  if (problems.length) fail(`${problems.length} lines outside their shapes:\n${problems.join('\n')}`);
  console.log(`text fit: ${lines} lines on ${pages} pages, every one inside its shape`);
})().catch((error) => fail(error.stack || String(error)));
