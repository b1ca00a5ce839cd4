// Imports BPMN files into bpmn-js (the viewer Camunda Modeler is built on)
// in headless Chromium and counts, as bpmn-js renders each diagram (every
// plane: the process and each collapsed sub-process):
// - sequence flows with a segment through the inside of a shape that is
//   neither their source nor their target (lanes and pools aside);
// - pairs of labels whose rendered text overlaps.
// Exits 1 when either count is not zero for some file, or an import fails.
//
// Usage: NODE_PATH=<dir with playwright-core> node .ci/bpmn/bpmnjs_overlaps.cjs FILE.bpmn...
// (run from the repository root; bpmn-js comes from .ci/bpmn/node_modules).

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const viewer = path.join(__dirname, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js');

/// Runs in the page: imports `xml` and measures every plane.
async function measure(xml) {
  const container = document.getElementById('canvas');
  container.innerHTML = '';
  const bpmnViewer = new BpmnJS({ container });
  const { warnings } = await bpmnViewer.importXML(xml);
  const canvas = bpmnViewer.get('canvas');
  const registry = bpmnViewer.get('elementRegistry');
  const result = {
    warnings: warnings.map((warning) => warning.message),
    planes: canvas.getRootElements().length,
    flows: [],
    labels: [],
  };
  const inside = (box, a, b) => {
    // Liang-Barsky: does the segment a-b pass through the box shrunk by 1 px?
    const x0 = box.x + 1, y0 = box.y + 1, x1 = box.x + box.width - 1, y1 = box.y + box.height - 1;
    if (x1 <= x0 || y1 <= y0) return false;
    const dx = b.x - a.x, dy = b.y - a.y;
    let low = 0, high = 1;
    for (const [p, q] of [[-dx, a.x - x0], [dx, x1 - a.x], [-dy, a.y - y0], [dy, y1 - a.y]]) {
      if (p === 0) {
        if (q < 0) return false;
      } else {
        const t = q / p;
        if (p < 0) low = Math.max(low, t); else high = Math.min(high, t);
      }
    }
    return low < high;
  };
  for (const root of canvas.getRootElements()) {
    canvas.setRootElement(root);
    const elements = registry.filter((element) => {
      let parent = element;
      while (parent.parent) parent = parent.parent;
      return parent === root && element !== root;
    });
    const shapes = elements.filter((element) => !element.waypoints && element.type !== 'label'
      && !['bpmn:Lane', 'bpmn:Participant'].includes(element.type));
    for (const flow of elements.filter((element) => element.type === 'bpmn:SequenceFlow')) {
      const ends = [flow.source && flow.source.id, flow.target && flow.target.id];
      const crossed = shapes.find((shape) => !ends.includes(shape.id)
        && flow.waypoints.some((point, at) => at > 0 && inside(shape, flow.waypoints[at - 1], point)));
      if (crossed) result.flows.push(`${flow.id} through ${crossed.id}`);
    }
    const labels = [];
    for (const label of elements.filter((element) => element.type === 'label')) {
      const text = registry.getGraphics(label).querySelector('text');
      if (!text || !text.textContent.trim()) continue;
      const box = text.getBBox();
      labels.push({ id: label.businessObject.id, x: label.x + box.x, y: label.y + box.y, width: box.width, height: box.height });
    }
    for (let one = 0; one < labels.length; one++) {
      for (let other = one + 1; other < labels.length; other++) {
        const a = labels[one], b = labels[other];
        if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5
          && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) {
          result.labels.push(`${a.id} and ${b.id}`);
        }
      }
    }
  }
  bpmnViewer.destroy();
  return result;
}

(async () => {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: bpmnjs_overlaps.cjs FILE.bpmn...');
    process.exit(2);
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = false;
  let totalFlows = 0;
  let totalLabels = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
    await page.addScriptTag({ path: viewer });
    for (const file of files) {
      const xml = fs.readFileSync(file, 'utf8');
      let result;
      try {
        result = await page.evaluate(measure, xml);
      } catch (error) {
        console.error(`${file}: bpmn-js could not import it: ${error.message}`);
        failed = true;
        continue;
      }
      totalFlows += result.flows.length;
      totalLabels += result.labels.length;
      const line = `${file} (${result.planes} planes): ${result.flows.length} flows through shapes, ${result.labels.length} overlapping labels`;
      if (result.flows.length || result.labels.length || result.warnings.length) {
        failed = true;
        console.error(line);
        for (const what of [...result.warnings, ...result.flows, ...result.labels]) console.error(`  ${what}`);
      } else {
        console.log(line);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${files.length} files: ${totalFlows} flows through shapes, ${totalLabels} overlapping labels (bpmn-js)`);
  process.exit(failed ? 1 : 0);
})();
