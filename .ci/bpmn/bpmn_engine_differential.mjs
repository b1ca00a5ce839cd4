// Differential test in a second engine: the Zeebe dialect of every process,
// run in bpmn-engine with its FEEL evaluated by feelin, reaches the same
// steps in the same order as `flowc sim`.
//
// Usage: node bpmn_engine_differential.mjs PLAN.json BPMN_DIR
// (PLAN.json from differential_scenarios.py: the scenarios and what
// `flowc sim` says for each, the same ones the SpiffWorkflow test runs).
//
// bpmn-engine moves the tokens (gateways, boundary timers, sub-processes,
// error events, joins); the harness plays the parts of Zeebe that
// bpmn-engine does not know:
//   - FEEL: every value starting with `=` (conditions) is evaluated by
//     feelin's camunda dialect over the process variables; a warning fails;
//   - variables and zeebe:ioMapping: one process scope; a task's input
//     mappings are evaluated when it opens, into its local scope; on
//     completion the completion variables are merged into that local scope
//     and each output mapping writes its source, evaluated there, to the
//     process scope (no output mapping: the variables go to the process);
//   - job workers: a service task of job type `flowc-notification` is
//     completed by a worker that records its headers (kind, step, to); any
//     other job type has no worker and fails;
//   - the clock: timers wait until the test fires them;
//   - Tasklist: a task is completed through its linked Camunda Form
//     (`zeebe:formDefinition formId`, the `.form` files beside the BPMN):
//     with a chosen `outcome` that must be an option of the form's select,
//     or with no variable when the form has no select.
// Checks, as in spiff_differential.py: the path of every run; the instance
// completes with no open token; for every step with timers on the normal
// path, firing its timers sends the notifications `flowc sim --delay`
// reports, and the instance still completes; completing a step with
// outcomes without an outcome stops at the step's gateway `STEP.outcome`
// with nothing advancing.
import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { evaluate } from 'feelin';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

const MAX_TASKS = 500;

/** The BPMN id of a name (docs/bpmn.md): non-ASCII characters as _xHHHH_. */
function xmlId(name) {
  return [...name]
    .map((c) => (/^[A-Za-z0-9_.-]$/.test(c) ? c : `_x${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}_`))
    .join('');
}

/** The name a BPMN id stands for. */
function nameOf(id) {
  return id.replace(/_x([0-9A-F]{4,6})_/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));
}

/** Timers that fire only when the test says so. */
class ManualTimers {
  constructor() {
    this.pending = new Set();
  }

  get executing() {
    return [...this.pending];
  }

  register() {
    return { setTimeout: this.setTimeout.bind(this), clearTimeout: this.clearTimeout.bind(this) };
  }

  setTimeout(callback, delay, ...args) {
    const ref = { callback, delay, args };
    this.pending.add(ref);
    return ref;
  }

  clearTimeout(ref) {
    this.pending.delete(ref);
  }

  fireAll() {
    const due = [...this.pending];
    this.pending.clear();
    for (const ref of due) ref.callback(...ref.args);
  }
}

function extensionValues(activity, type) {
  const values = activity.behaviour?.extensionElements?.values || [];
  return values.filter((value) => value.$type === type);
}

function ioMappings(activity) {
  const [mapping] = extensionValues(activity, 'zeebe:IoMapping');
  return { inputs: mapping?.inputParameters || [], outputs: mapping?.outputParameters || [] };
}

/** One instance of a process in bpmn-engine, with the Zeebe parts above. */
class Instance {
  constructor(source, processId, inputs, forms) {
    this.processId = processId;
    this.forms = forms;
    this.variables = { ...inputs };
    this.timers = new ManualTimers();
    this.waiting = [];
    this.reached = [];
    this.notifications = [];
    this.problems = [];
    this.error = null;
    this.ended = false;
    const instance = this;
    this.engine = new Engine({
      name: processId,
      source,
      moddleOptions: { zeebe },
      timers: this.timers,
      expressions: {
        resolveExpression: (expression) => this.resolve(expression),
        isExpression: (text) => typeof text === 'string' && text.startsWith('='),
        hasExpression: (text) => typeof text === 'string' && text.startsWith('='),
      },
      extensions: {
        zeebe(activity) {
          if (activity.type !== 'bpmn:ServiceTask') return;
          const [definition] = extensionValues(activity, 'zeebe:TaskDefinition');
          if (definition?.type !== 'flowc-notification') return;
          activity.behaviour.Service = function NotificationWorker() {
            this.execute = (_, done) => {
              const [headers] = extensionValues(activity, 'zeebe:TaskHeaders');
              const header = Object.fromEntries((headers?.values || []).map((h) => [h.key, h.value]));
              instance.notifications.push([header.step, header.kind, header.to]);
              done(null, {});
            };
          };
        },
      },
    });
  }

  /** A FEEL value of the process scope (or `scope`), or the text as it is. */
  resolve(expression, scope = this.variables) {
    if (typeof expression !== 'string' || !expression.startsWith('=')) return expression;
    const { value, warnings } = evaluate(expression.slice(1), scope, 'camunda');
    for (const warning of warnings) this.problems.push(`feelin on "${expression}": ${warning.message}`);
    return value;
  }

  async start() {
    const listener = new EventEmitter();
    listener.on('activity.wait', (api) => {
      if (api.type !== 'bpmn:UserTask') return;
      const local = { ...this.variables };
      for (const input of ioMappings(api.owner).inputs) local[input.target] = this.resolve(input.source, local);
      const [definition] = extensionValues(api.owner, 'zeebe:FormDefinition');
      this.waiting.push({ api, local, formId: definition?.formId });
      this.reached.push(nameOf(api.id));
    });
    this.engine.on('end', () => {
      this.ended = true;
    });
    this.engine.on('error', (error) => {
      this.error = error;
    });
    await this.engine.execute({ listener });
  }

  /** Completes the first open user task through its form, choosing
   * `outcome` when the form asks for one. */
  completeWith(outcome) {
    const { formId, api } = this.waiting[0];
    const form = this.forms.get(formId);
    if (!form) {
      this.problems.push(`${api.id}: its form ${formId} is not there`);
      return this.complete({});
    }
    if (!form.outcomes) return this.complete({});
    if (!form.outcomes.includes(outcome)) {
      this.problems.push(`${api.id}: its form offers ${JSON.stringify(form.outcomes)}, not ${outcome}`);
    }
    return this.complete({ outcome });
  }

  /** Completes the first open user task with `variables` (as Tasklist or
   * the REST API would). */
  complete(variables) {
    const { api, local } = this.waiting.shift();
    const scope = { ...local, ...variables };
    const { outputs } = ioMappings(api.owner);
    if (outputs.length === 0) Object.assign(this.variables, variables);
    for (const output of outputs) this.variables[output.target] = this.resolve(output.source, scope);
    api.signal(variables);
    return nameOf(api.id);
  }

  /** Completes open tasks on the normal path until `step` is open. */
  runUntilOpen(step) {
    for (let i = 0; i < MAX_TASKS; i += 1) {
      if (this.waiting.some((task) => nameOf(task.api.id) === step)) return true;
      if (!this.waiting.length || this.error) return false;
      this.completeWith('next');
    }
    return false;
  }

  /** Completes every open task with `chosen(step)` as its outcome. */
  runToEnd(chosen = () => 'next') {
    for (let i = 0; i < MAX_TASKS && this.waiting.length && !this.error; i += 1) {
      const step = nameOf(this.waiting[0].api.id);
      this.completeWith(chosen(step));
    }
  }

  /** Why the instance is not completed with no open token ('' if it is). */
  openTokens() {
    const postponed = this.engine.execution ? this.engine.execution.getPostponed().map((api) => api.id) : [];
    if (this.error) return `error: ${this.error.message}`;
    if (!this.ended || this.engine.state !== 'idle' || postponed.length || this.waiting.length) {
      return `not completed (state ${this.engine.state}; open: ${postponed.join(', ')})`;
    }
    return '';
  }
}

async function started(source, processPlan, inputs, forms) {
  const instance = new Instance(source, processPlan.bpmn_id, inputs, forms);
  await instance.start();
  return instance;
}

async function pathCheck(source, processPlan, run, forms) {
  const instance = await started(source, processPlan, run.engine, forms);
  const used = {};
  instance.runToEnd((step) => {
    const chosen = run.outcomes[step] || [];
    const count = used[step] || 0;
    used[step] = count + 1;
    return count < chosen.length ? chosen[count] : 'next';
  });
  const steps = new Set(processPlan.steps);
  const reached = instance.reached.filter((step) => steps.has(step));
  const problems = [...instance.problems];
  const open = instance.openTokens();
  if (open) problems.push(open);
  if (JSON.stringify(reached) !== JSON.stringify(run.expected)) {
    problems.push(`flowc sim: ${JSON.stringify(run.expected)}\n  bpmn-engine: ${JSON.stringify(reached)}`);
  }
  return problems;
}

async function timerCheck(source, processPlan, check, forms) {
  const instance = await started(source, processPlan, processPlan.first_inputs.engine, forms);
  if (!instance.runUntilOpen(check.step)) return [`${check.step} never opened`];
  instance.timers.fireAll();
  const sent = instance.notifications
    .filter(([step]) => step === check.step)
    .map(([, kind, to]) => [kind, to])
    .sort();
  instance.runToEnd();
  const problems = [...instance.problems];
  if (!check.expected.length || JSON.stringify(sent) !== JSON.stringify(check.expected)) {
    problems.push(`flowc sim: ${JSON.stringify(check.expected)}\n  bpmn-engine: ${JSON.stringify(sent)}`);
  }
  const open = instance.openTokens();
  if (open) problems.push(`${check.step} late: ${open}`);
  return problems;
}

async function unsetOutcomeCheck(source, processPlan, check, forms) {
  const instance = await started(source, processPlan, processPlan.first_inputs.engine, forms);
  if (!instance.runUntilOpen(check.step)) return [`${check.step} never opened`];
  while (nameOf(instance.waiting[0].api.id) !== check.step) instance.waiting.push(instance.waiting.shift());
  const before = instance.reached.length;
  instance.complete({});
  const advanced = instance.reached.slice(before);
  const gateway = `${xmlId(check.step)}.outcome`;
  const problems = [];
  if (instance.variables.outcome !== null) problems.push(`outcome is ${JSON.stringify(instance.variables.outcome)}, not null`);
  if (!instance.error) problems.push('no error');
  else if (!instance.error.message.includes(gateway) && instance.error.source?.content?.id !== gateway) {
    problems.push(`the error does not name ${gateway}: ${instance.error.message}`);
  }
  if (advanced.length) problems.push(`advanced to ${advanced.join(', ')}`);
  return problems;
}

/** The Camunda Forms beside the BPMN, by id: `outcomes`, the values their
 * select offers (null when they have none). */
function formsIn(dir) {
  const forms = new Map();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.form'))) {
    const schema = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    const select = schema.components.find((c) => c.key === 'outcome');
    forms.set(schema.id, { outcomes: select ? select.values.map((v) => v.value) : null });
  }
  return forms;
}

async function main() {
  const [planFile, bpmnDir] = process.argv.slice(2);
  const plans = JSON.parse(fs.readFileSync(planFile, 'utf8'));
  const forms = formsIn(bpmnDir);
  const counts = { runs: 0, timers: 0, unset: 0, skipped: 0 };
  let failures = 0;
  const report = (what, problems) => {
    if (!problems.length) return;
    failures += 1;
    console.log(`FAIL ${what}\n  ${problems.join('\n  ')}`);
  };
  for (const processPlan of plans) {
    // The harness does not play zeebe:loopCharacteristics (multi-instance
    // collections and completion conditions): processes with `all of` or
    // `N of` steps run in SpiffWorkflow only (docs/bpmn.md).
    if (Object.keys(processPlan.multi_signer || {}).length) {
      counts.skipped += 1;
      console.log(`skipped ${processPlan.process}: multi-signer steps ${Object.keys(processPlan.multi_signer).join(', ')}`);
      continue;
    }
    const source = fs.readFileSync(path.join(bpmnDir, `${processPlan.process}.bpmn`), 'utf8');
    const name = processPlan.process;
    const before = counts.runs;
    for (const run of processPlan.runs) {
      if (run.expected === null) {
        report(`${name} ${JSON.stringify(run.sim)}`, [`flowc sim: ${run.sim_error}`]);
        continue;
      }
      counts.runs += 1;
      report(`${name} inputs=${JSON.stringify(run.sim)} outcomes=${JSON.stringify(run.outcomes)}`, await pathCheck(source, processPlan, run, forms));
    }
    if (counts.runs === before) report(name, ['no input vector was run']);
    for (const check of processPlan.timer_checks) {
      counts.timers += 1;
      report(`${name} timers of ${check.step}`, await timerCheck(source, processPlan, check, forms));
    }
    for (const check of processPlan.unset_outcome_checks) {
      counts.unset += 1;
      report(`${name} ${check.step} completed without an outcome`, await unsetOutcomeCheck(source, processPlan, check, forms));
    }
  }
  console.log(`bpmn-engine: ${counts.runs} runs, ${counts.timers} timer checks and ${counts.unset} unset-outcome checks over ${plans.length - counts.skipped} processes (${counts.skipped} with multi-signer steps skipped), ${failures} failures`);
  process.exit(failures || counts.runs === 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
