// The Zeebe dialect's business-day timers, due dates and minimum periods
// against flowc sim: each FEEL expression, evaluated by feelin with the
// clock (`now()`) at the instant its task opened, must give the instant
// flowc sim reckons over the working calendar (holidays and make-up
// working days included), for every case of the plan due_dates_plan.py
// wrote.
//
// Usage: node due_dates.mjs PLAN.json PROCESS.bpmn

import { readFileSync } from 'node:fs';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { evaluate } from 'feelin';

const [planPath, bpmnPath] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planPath, 'utf8'));
const { rootElement, warnings } = await new BpmnModdle({ zeebe }).fromXML(readFileSync(bpmnPath, 'utf8'));
if (warnings.length) throw new Error(`bpmn-moddle: ${warnings.map((w) => w.message).join('; ')}`);

/** Every flow element of the definitions, sub-processes included, by id. */
function elements(container, found = new Map()) {
  for (const element of container.flowElements || []) {
    found.set(element.id, element);
    elements(element, found);
  }
  return found;
}

const byId = new Map();
for (const root of rootElement.rootElements) {
  if (root.$type === 'bpmn:Process') elements(root, byId);
}

function extension(element, type) {
  return (element.extensionElements?.values || []).find((value) => value.$type === type);
}

/** The FEEL expression a case evaluates (without `=`), and whether its
 * value is text (a minimum period's end is kept as a string). */
function expressionOf(testCase) {
  const element = byId.get(testCase.element);
  if (!element) throw new Error(`no element ${testCase.element} in ${bpmnPath}`);
  if (testCase.kind === 'timer') {
    const timer = element.eventDefinitions?.[0];
    if (!timer?.timeDate) throw new Error(`${testCase.element} has no timeDate (a business-day timer must be one)`);
    return { feel: timer.timeDate.body, text: false };
  }
  if (testCase.kind === 'due') return { feel: extension(element, 'zeebe:TaskSchedule').dueDate, text: false };
  return { feel: extension(element, 'zeebe:Script').expression, text: true };
}

function at(iso) {
  const { value, warnings } = evaluate(`date and time("${iso}")`, {});
  if (warnings.length || value === null) throw new Error(`feelin cannot read ${iso}`);
  return value;
}

let failures = 0;
const counts = { timer: 0, due: 0, minimum: 0 };
for (const testCase of plan.cases) {
  const { feel, text } = expressionOf(testCase);
  if (!feel.startsWith('=')) throw new Error(`${testCase.element}: not an expression: ${feel}`);
  const clock = at(testCase.now);
  const result = evaluate(feel.slice(1), { now: () => clock });
  const problems = result.warnings.map((warning) => warning.message);
  const value = text && typeof result.value === 'string' ? at(result.value) : result.value;
  const got = value ? new Date(String(value).replace(/@.*$/, '')).getTime() : NaN;
  const expected = new Date(testCase.expected).getTime();
  counts[testCase.kind] += 1;
  if (problems.length || got !== expected) {
    failures += 1;
    console.error(`FAIL ${testCase.kind} ${testCase.element} from ${testCase.now}: feelin gives ${value} ${problems.join('; ')}, flowc sim ${testCase.expected}`);
  }
}
console.log(`feelin: ${plan.cases.length} business-day ends over ${plan.starts} start times ${JSON.stringify(counts)}, ${failures} failures`);
if (failures || plan.cases.length === 0 || Object.values(counts).some((count) => count === 0)) process.exit(1);
