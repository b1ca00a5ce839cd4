// The Camunda Forms of the Zeebe dialect, checked with form-js, the form
// library of Camunda Tasklist.
//
// Usage: node form_check.mjs BPMN_DIR ...
//
// In each directory every user task links a form (zeebe:formDefinition
// formId) that is there as `<process>.<step>.form`, and every form is
// linked. Each form is imported by the form-js viewer, both at the schema
// version flowc writes (1.8.8, schema version 16) and at the newest 1.x
// (1.23.0), in jsdom, without a warning. Its outcome select offers exactly
// the outcomes the task's gateway `STEP.outcome` routes on; submitting
// without choosing fails validation (nothing is approved that nobody
// approved) and choosing each offered outcome submits `outcome` as that
// value. Each other field is a recorded value: a required one must be
// refused when empty, and a value of its type (a checkbox true, a number,
// a text, a `YYYY-MM-DD` date, a select's first value) in every field is
// submitted as given, under the record's name. The check must be able to
// fail: a form whose select lost its `required` is rejected.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

const dom = new JSDOM('<!DOCTYPE html><body></body>', { pretendToBeVisual: true, url: 'http://localhost/' });
// form-js renders with preact into a DOM: jsdom's, as browser globals.
for (const name of Object.getOwnPropertyNames(dom.window)) {
  if (!(name in globalThis) || name === 'window' || name === 'document') {
    Object.defineProperty(globalThis, name, { value: dom.window[name], configurable: true, writable: true });
  }
}

const require = createRequire(import.meta.url);
const VIEWERS = {
  '1.8.8': require('form-js-viewer-1-8'),
  '1.23.0': require('@bpmn-io/form-js-viewer'),
};

/** The user tasks of a BPMN file: id, formId, and the outcomes its gateway routes on. */
async function userTasks(file) {
  const moddle = new BpmnModdle({ zeebe });
  const { rootElement } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
  const elements = [];
  const collect = (container) => {
    for (const element of container.flowElements || []) {
      elements.push(element);
      collect(element);
    }
  };
  rootElement.rootElements.filter((e) => e.$type === 'bpmn:Process').forEach(collect);
  return elements
    .filter((e) => e.$type === 'bpmn:UserTask')
    .map((task) => {
      const values = task.extensionElements?.values || [];
      const definition = values.find((v) => v.$type === 'zeebe:FormDefinition');
      const gateway = elements.find((e) => e.id === `${task.id}.outcome`);
      const outcomes = (gateway?.outgoing || []).map((flow) => flow.name).sort();
      return { id: task.id, formId: definition?.formId, outcomes };
    });
}

/** A value of a recorded value's field, as the engine would receive it. */
function sampleOf(component) {
  switch (component.type) {
    case 'checkbox':
      return true;
    case 'number':
      return 1234.5;
    case 'textfield':
      return 'text';
    case 'datetime':
      return '2026-03-10';
    case 'select':
      return component.values[0].value;
    default:
      throw new Error(`unknown field type ${component.type}`);
  }
}

/** The problems form-js finds with one form, for the outcomes it must offer. */
async function problemsOf(schema, outcomes) {
  const problems = [];
  const select = schema.components.find((c) => c.key === 'outcome');
  const offered = (select?.values || []).map((v) => v.value).sort();
  if (JSON.stringify(offered) !== JSON.stringify(outcomes)) {
    problems.push(`offers ${JSON.stringify(offered)}, the gateway routes on ${JSON.stringify(outcomes)}`);
  }
  const records = schema.components.filter((c) => c.key !== 'outcome');
  const filled = Object.fromEntries(records.map((c) => [c.key, sampleOf(c)]));
  for (const [version, { Form }] of Object.entries(VIEWERS)) {
    const submit = async (data) => {
      const container = document.createElement('div');
      document.body.appendChild(container);
      const form = new Form({ container });
      const { warnings } = await form.importSchema(schema, data);
      problems.push(...warnings.map((w) => `form-js ${version}: ${w.message || w}`));
      // Fields register in preact effects, run after the next animation
      // frame (jsdom's, pretendToBeVisual): wait two frames.
      for (let frame = 0; frame < 2; frame += 1) {
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
      const result = form.submit();
      form.destroy();
      container.remove();
      return result;
    };
    const unset = await submit({});
    if (select && !unset.errors.outcome) problems.push(`form-js ${version}: submitted without an outcome`);
    const required = records.filter((c) => c.validate?.required).map((c) => c.id).sort();
    const refused = Object.keys(unset.errors).filter((id) => id !== 'outcome').sort();
    if (JSON.stringify(refused) !== JSON.stringify(required)) {
      problems.push(`form-js ${version}: empty, refused ${JSON.stringify(refused)}, required ${JSON.stringify(required)}`);
    }
    for (const outcome of select ? offered : [undefined]) {
      const data = outcome === undefined ? { ...filled } : { ...filled, outcome };
      const chosen = await submit(data);
      const given = Object.entries(data).every(([key, value]) => chosen.data[key] === value);
      if (Object.keys(chosen.errors).length || !given) {
        problems.push(`form-js ${version}: submitting ${JSON.stringify(data)} gave ${JSON.stringify(chosen)}`);
      }
    }
  }
  return problems;
}

async function main() {
  const dirs = process.argv.slice(2);
  let forms = 0;
  let selects = 0;
  let failures = 0;
  const fail = (message) => {
    failures += 1;
    console.error(`FAIL ${message}`);
  };
  let sample = null;
  for (const dir of dirs) {
    const formFiles = new Map(fs.readdirSync(dir).filter((n) => n.endsWith('.form'))
      .map((n) => [n, JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8'))]));
    const linked = new Set();
    for (const bpmn of fs.readdirSync(dir).filter((n) => n.endsWith('.bpmn')).sort()) {
      for (const task of await userTasks(path.join(dir, bpmn))) {
        const entry = [...formFiles].find(([, schema]) => schema.id === task.formId);
        if (!task.formId || !entry) {
          fail(`${bpmn} ${task.id}: links form ${task.formId}, which is not in ${dir}`);
          continue;
        }
        linked.add(entry[0]);
        forms += 1;
        if (task.outcomes.length) selects += 1;
        if (task.outcomes.length && !sample) sample = { schema: entry[1], outcomes: task.outcomes };
        for (const problem of await problemsOf(entry[1], task.outcomes)) fail(`${entry[0]}: ${problem}`);
      }
    }
    for (const name of formFiles.keys()) if (!linked.has(name)) fail(`${dir}/${name} is linked by no user task`);
  }
  console.log(`form-js ${Object.keys(VIEWERS).join(' and ')}: ${forms} forms (${selects} with an outcome select), ${failures} failures`);
  const broken = structuredClone(sample.schema);
  broken.components.find((c) => c.key === 'outcome').validate = {};
  const rejected = (await problemsOf(broken, sample.outcomes)).length > 0;
  console.log(`a form whose outcome is not required: ${rejected ? 'rejected' : 'ACCEPTED'}`);
  process.exit(failures || forms === 0 || !rejected ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
