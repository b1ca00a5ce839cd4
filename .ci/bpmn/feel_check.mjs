// Every FEEL expression in the Zeebe dialect, checked by the FEEL tools
// Camunda's own editors use.
//
// Usage: node feel_check.mjs BPMN_DIR IR_DIR [BPMN_DIR IR_DIR ...]
//
// Each BPMN file is read with bpmn-moddle and the zeebe extension; every
// attribute or expression body that Zeebe reads as FEEL (a value starting
// with `=`: conditions, due dates, io mappings, assignments) and every
// static timer value is collected. Each expression must
//   - parse and evaluate in feelin (camunda dialect) without a warning,
//     with the process's inputs (from the JSON IR of the same name) set to
//     a value of their type and `outcome` set; conditions must give a
//     boolean, due dates and timer dates (business-day timers reckoned
//     over the working calendar) a date and time;
//   - pass @bpmn-io/feel-lint with Camunda's built-ins for each supported
//     Camunda version (a built-in newer than the version is reported).
// A static timer value must be a duration feelin's `duration()` accepts.
// Broken expressions (the old `P1W` due date, an unterminated string) must
// be rejected, so the check can fail. Counts per kind are printed; none
// found is a failure.
import fs from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { evaluate, FeelDateTime, FeelDuration } from 'feelin';
import { lintExpression } from '@bpmn-io/feel-lint';
import { camundaBuiltins } from '@camunda/feel-builtins';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

const CAMUNDA_VERSIONS = ['8.5', '8.6', '8.7', '8.8'];

/** A value of each input type, as the engine holds it (dates as text). */
function sampleValue(type) {
  switch (type.kind) {
    case 'money':
    case 'number':
      return 1;
    case 'yes_no':
      return true;
    case 'date':
      return '2026-01-01';
    case 'text':
      return 'text';
    case 'one_of':
      return type.values[0];
    default:
      throw new Error(`unknown input type ${type.kind}`);
  }
}

/** The BPMN id of a name (docs/bpmn.md): non-ASCII characters as _xHHHH_. */
function xmlId(name) {
  return [...name]
    .map((c) => (/^[A-Za-z0-9_.-]$/.test(c) ? c : `_x${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}_`))
    .join('');
}

/** The variables an instance holds: the inputs, `outcome`, the people the
 * starter passes (`applicant`, `applicant_managers`), for each
 * multi-signer step its votes and (inside a signer's instance) `signer`,
 * each recorded value (a value of its type), for each step with a minimum
 * period when it ends (a date and time as Zeebe keeps it, ISO text), and
 * `end` (the end a called process reached). */
function variablesOf(irFile) {
  const document = JSON.parse(fs.readFileSync(irFile, 'utf8'));
  const variables = {
    outcome: 'next',
    applicant: 'u-applicant',
    applicant_managers: ['u-manager-1', 'u-manager-2', 'u-manager-3'],
    signer: { groups: ['some_role'], users: [] },
    end: 'done',
  };
  for (const input of document.inputs) variables[input.name] = sampleValue(input.type);
  for (const node of document.nodes) {
    if (['all_of', 'quorum'].includes(node.signing?.mode)) variables[`${xmlId(node.id)}_votes`] = ['next', null];
    for (const record of node.records ?? []) variables[record.name] = sampleValue(record.type);
    if (node.minimum) variables[`${xmlId(node.id)}_minimum_until`] = '2026-01-08T10:00:00+00:00';
  }
  return variables;
}

/** What kind of FEEL value a property holds, by its element and name. */
function kindOf(element, property) {
  if (element.$type === 'bpmn:FormalExpression') {
    const owner = element.$parent;
    if (owner.$type === 'bpmn:SequenceFlow') return 'condition';
    if (owner.$type === 'bpmn:TimerEventDefinition') return owner.timeDate === element ? 'timer date' : 'timer';
    if (owner.$type === 'bpmn:MultiInstanceLoopCharacteristics') return 'completion condition';
  }
  if (element.$type === 'zeebe:LoopCharacteristics') return `multi-instance ${property}`;
  if (element.$type === 'zeebe:TaskSchedule') return 'due date';
  if (element.$type === 'zeebe:Input' || element.$type === 'zeebe:Output') return 'io mapping';
  if (element.$type === 'zeebe:AssignmentDefinition') return property === 'assignee' ? 'assignee' : 'candidates';
  return `${element.$type}.${property}`;
}

/** Every string property of every element reachable from `root`. */
function* strings(root) {
  const seen = new Set();
  const stack = [root];
  while (stack.length) {
    const element = stack.pop();
    if (!element || typeof element !== 'object' || seen.has(element)) continue;
    seen.add(element);
    for (const [property, value] of Object.entries(element)) {
      if (property.startsWith('$') && property !== '$body') continue;
      if (typeof value === 'string' && element.$type) yield { element, property, value };
      else if (Array.isArray(value)) stack.push(...value);
      else if (value && typeof value === 'object' && value.$type) stack.push(value);
    }
  }
}

function ownerId(element) {
  let current = element;
  while (current && !current.id) current = current.$parent;
  return current ? current.id : '?';
}

/** The expressions Zeebe evaluates in one BPMN file. */
async function expressionsOf(file) {
  const moddle = new BpmnModdle({ zeebe });
  const { rootElement, warnings } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
  if (warnings.length) throw new Error(`${file}: ${warnings.map((w) => w.message).join('; ')}`);
  const found = [];
  for (const { element, property, value } of strings(rootElement)) {
    const kind = kindOf(element, property);
    const feel = value.startsWith('=');
    if (kind === 'condition' && !feel) {
      throw new Error(`${file} ${ownerId(element)}: condition "${value}" is not a FEEL expression`);
    }
    if (kind === 'timer date' && !feel) {
      throw new Error(`${file} ${ownerId(element)}: timer date "${value}" is not a FEEL expression`);
    }
    if (feel || kind === 'timer') {
      found.push({ kind, feel, text: feel ? value.slice(1) : value, where: `${path.basename(file)} ${ownerId(element)}` });
    }
  }
  return found;
}

/** The problems feelin and feel-lint find in one expression ([] if none). */
function problemsOf({ kind, feel, text }, variables) {
  const expression = feel ? text : `duration(${JSON.stringify(text)})`;
  const problems = [];
  let result;
  try {
    result = evaluate(expression, variables, 'camunda');
  } catch (error) {
    return [`feelin: ${error.message}`];
  }
  problems.push(...result.warnings.map((w) => `feelin: ${w.message}`));
  const { value } = result;
  const isBoolean = ['condition', 'completion condition'].includes(kind);
  if (isBoolean && typeof value !== 'boolean') problems.push(`feelin: a ${kind} gave ${value}, not a boolean`);
  if (kind === 'assignee' && typeof value !== 'string') problems.push(`feelin: an assignee gave ${value}, not a user id`);
  const strings = Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (kind === 'candidates' && !strings) problems.push(`feelin: candidates gave ${JSON.stringify(value)}, not a list of ids`);
  if (kind === 'multi-instance inputCollection' && !Array.isArray(value)) problems.push(`feelin: an input collection gave ${value}, not a list`);
  const isDate = ['due date', 'timer date'].includes(kind);
  if (isDate && !(value instanceof FeelDateTime)) problems.push(`feelin: a ${kind} gave ${value}, not a date and time`);
  if (kind === 'timer' && !(value instanceof FeelDuration)) problems.push(`feelin: a timer gave ${value}, not a duration`);
  if (feel) {
    for (const camunda of CAMUNDA_VERSIONS) {
      const messages = lintExpression(text, { builtins: camundaBuiltins, parserDialect: 'camunda', engines: { camunda } });
      problems.push(...messages.map((m) => `feel-lint (Camunda ${camunda}): ${m.message}`));
    }
  }
  return problems;
}

/** The check must be able to fail: broken expressions are rejected. */
function brokenAreRejected() {
  const broken = [
    { kind: 'due date', feel: true, text: 'now() + duration("P1W")' },
    { kind: 'condition', feel: true, text: 'outcome = "next' },
    { kind: 'condition', feel: true, text: 'amount >' },
    { kind: 'condition', feel: true, text: 'undefined_input = 1' },
    { kind: 'timer', feel: false, text: 'P2W' },
    { kind: 'timer date', feel: true, text: 'duration("P3D")' },
  ];
  const accepted = broken.filter((e) => problemsOf(e, { outcome: 'next', amount: 1 }).length === 0);
  for (const e of accepted) console.error(`the check accepted the broken ${e.kind} "${e.text}"`);
  console.log(`${broken.length - accepted.length} of ${broken.length} broken expressions rejected`);
  return accepted.length === 0;
}

async function main() {
  const pairs = process.argv.slice(2);
  if (pairs.length === 0 || pairs.length % 2) throw new Error('usage: feel_check.mjs BPMN_DIR IR_DIR ...');
  const counts = {};
  let files = 0;
  let failures = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const [bpmnDir, irDir] = pairs.slice(i, i + 2);
    for (const name of fs.readdirSync(bpmnDir).filter((n) => n.endsWith('.bpmn')).sort()) {
      files += 1;
      const variables = variablesOf(path.join(irDir, name.replace(/\.bpmn$/, '.json')));
      for (const expression of await expressionsOf(path.join(bpmnDir, name))) {
        counts[expression.kind] = (counts[expression.kind] || 0) + 1;
        for (const problem of problemsOf(expression, variables)) {
          failures += 1;
          console.error(`FAIL ${expression.where} ${expression.kind} "${expression.text}": ${problem}`);
        }
      }
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const byKind = Object.entries(counts).sort().map(([kind, n]) => `${n} ${kind}`).join(', ');
  console.log(`${total} expressions (${byKind}) in ${files} files, feel-lint for Camunda ${CAMUNDA_VERSIONS.join(', ')}: ${failures} failures`);
  const everyKind = ['condition', 'due date', 'io mapping', 'timer', 'timer date'].every((kind) => counts[kind] > 0);
  if (!everyKind) console.error('expected conditions, due dates, io mappings, timers and timer dates among the expressions');
  if (!brokenAreRejected() || failures || !everyKind) process.exit(1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
