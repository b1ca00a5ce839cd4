// Glyph forms of Chinese text as headless chromium draws the handbook
// (Debian's chromium driven by playwright-core, prepared by .ci/run).
//
//   node .ci/fonts/glyph-forms.cjs PAGE.html FORM SCREENSHOT_DIR
//
// FORM is TC (Traditional) or SC (Simplified). The probe 骨說關這 has
// regional glyph forms: the same code points are drawn differently by
// Noto Sans CJK TC and Noto Sans CJK SC. In PAGE, the probe set in the
// page's own body font and in the font of its diagram's labels must be
// pixel for pixel the probe set in Noto Sans CJK FORM alone (in the
// language of that form), and differ from the other form (checked first,
// so the test can fail). The page's own `lang` takes part: chromium picks
// regional forms by the content language as well as by the font.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [pagePath, form, shots] = process.argv.slice(2);
if (!shots || !['TC', 'SC'].includes(form)) {
  console.error('usage: glyph-forms.cjs PAGE.html TC|SC SCREENSHOT_DIR');
  process.exit(2);
}
const other = form === 'TC' ? 'SC' : 'TC';
const PROBE = '骨說關這';

function fail(message) {
  console.error(`glyph forms: ${message}`);
  process.exit(1);
}

/// The probe drawn at 64 px in a block placed in the page's main text, in
/// `family` (or the inherited font when `family` is null) and in the
/// language `lang` (or the page's, which selects glyph forms through the
/// fonts' `locl` feature, when `lang` is null), as PNG bytes.
async function drawn(page, family, lang, name) {
  const handle = await page.evaluateHandle(
    ({ text, family, lang }) => {
      const block = document.createElement('div');
      block.textContent = text;
      if (lang) block.lang = lang;
      block.style.cssText =
        'font-size:64px;line-height:80px;width:320px;padding:8px;background:#fff;color:#000;font-weight:400;';
      if (family) block.style.fontFamily = family;
      (document.querySelector('main') || document.body).prepend(block);
      return block;
    },
    { text: PROBE, family, lang },
  );
  const bytes = await handle.asElement().screenshot({ path: path.join(shots, `${name}.png`) });
  await handle.evaluate((block) => block.remove());
  return bytes;
}

(async () => {
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--font-render-hinting=none'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto('file://' + path.resolve(pagePath));
  const language = { TC: 'zh-Hant', SC: 'zh-Hans' };
  const expected = await drawn(page, `"Noto Sans CJK ${form}"`, language[form], `probe-${form}`);
  const unexpected = await drawn(page, `"Noto Sans CJK ${other}"`, language[other], `probe-${other}`);
  if (expected.equals(unexpected)) {
    fail(`Noto Sans CJK TC and SC draw ${PROBE} alike: the probe cannot tell the forms apart`);
  }
  const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  const labelFont = await page.evaluate(() => {
    const label = document.querySelector('figure.diagram svg text');
    return label ? getComputedStyle(label).fontFamily : null;
  });
  if (!labelFont) fail('the page has no diagram label');
  const checks = [
    ['body text', null, bodyFont],
    ['diagram label', labelFont, labelFont],
  ];
  for (const [what, family, shown] of checks) {
    const name = what.replace(' ', '-');
    const bytes = await drawn(page, family, null, `${name}-${form}`);
    if (!bytes.equals(expected)) {
      const likeOther = bytes.equals(unexpected) ? ` (it is the ${other} form)` : '';
      fail(`the ${what} (font-family: ${shown}) does not draw ${PROBE} in the ${form} form${likeOther}`);
    }
    console.log(`${path.basename(pagePath)}: the ${what} draws the ${form} form (font-family: ${shown})`);
  }
  await browser.close();
})().catch((error) => fail(error.stack || String(error)));
