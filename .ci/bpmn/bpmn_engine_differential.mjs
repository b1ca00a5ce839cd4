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
//   - multi-instance: bpmn-engine knows no zeebe:loopCharacteristics; the
//     harness gives each Zeebe multi-instance marker a loopCardinality (the
//     length of the input collection), gives each instance its element
//     (`signer`), keeps the output collection (one null per instance when
//     the body opens, each instance's output element written as it
//     completes); bpmn-engine evaluates the completion condition (FEEL, via
//     feelin) after each instance and withdraws the others when it holds;
//   - script tasks: a zeebe:script's expression is evaluated as the task
//     starts and its result set as the process variable it names;
//   - call activities: each one reached is listed in `calls` for
//     bpmn_engine_system.mjs, which runs the called process and signals
//     the call when it ends (this harness's plans have none);
//   - the clock: timers wait until the test fires them (in the
//     notification checks timers of no delay fire at once);
//   - Tasklist: a task is completed through its linked Camunda Form
//     (`zeebe:formDefinition formId`, the `.form` files beside the BPMN):
//     with a chosen `outcome` that must be an option of the form's select,
//     or with no variable when the form has no select.
// Checks, as in spiff_differential.py: the path of every run; the instance
// completes with no open token; for every step with timers on the normal
// path, firing its timers sends the notifications `flowc sim --delay`
// reports, and the instance still completes; completing a step with
// outcomes without an outcome stops at the step's gateway `STEP.outcome`
// with nothing advancing; who each task is for, per applicant role; the
// votes that decide each multi-signer step; the notifications of the
// moments reached, and that none holds a token.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { evaluate, FeelDateTime } from 'feelin';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };

const MAX_TASKS = 500;

/** The BPMN id of a name (docs/bpmn.md): non-ASCII characters as _xHHHH_. */
function xmlId(name) {
  return [...name]
    .map((c) => (/^[A-Za-z0-9_.-]$/.test(c) ? c : `_x${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}_`))
    .join('');
}

/** The name a BPMN id stands for. */
export function nameOf(id) {
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

  /** The timers of one timer event. bpmn-elements reckons a duration's
   * delay from a second clock reading, so `PT0S` can come out as 1 ms when
   * the clock ticks between the two (seen under load): a timer whose
   * duration is zero is one of no delay, whatever the clock said. */
  register(owner) {
    const zero = isZeroDuration(owner?.timeDuration);
    return {
      setTimeout: (callback, delay, ...args) => this.setTimeout(callback, zero ? 0 : delay, ...args),
      clearTimeout: this.clearTimeout.bind(this),
    };
  }

  setTimeout(callback, delay, ...args) {
    const ref = { callback, delay, args };
    this.pending.add(ref);
    // With `immediate`, a timer of no delay fires on the next turn of the
    // event loop, as Zeebe fires it at once.
    if (this.immediate && !delay) {
      setImmediate(() => {
        if (this.pending.delete(ref)) callback(...args);
      });
    }
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

/** Whether an ISO 8601 duration (`PT0S`, `P0D`) is zero. */
function isZeroDuration(text) {
  return typeof text === 'string' && /^P[0-9YMWDTHS.,]*$/.test(text) && !/[1-9]/.test(text);
}

export function extensionValues(activity, type) {
  const values = activity.behaviour?.extensionElements?.values || [];
  return values.filter((value) => value.$type === type);
}

/** The zeebe:loopCharacteristics of a multi-instance task, or null. */
function loopOf(activity) {
  const values = activity.behaviour?.loopCharacteristics?.behaviour?.extensionElements?.values || [];
  return values.find((value) => value.$type === 'zeebe:LoopCharacteristics') || null;
}

/** The source with a `loopCardinality` in each Zeebe multi-instance
 * marker: bpmn-engine knows no zeebe:loopCharacteristics and runs a
 * parallel multi-instance activity by its cardinality, which in Zeebe is
 * the length of the input collection (evaluated here over the starting
 * variables; the harness gives each instance its element). */
function withCardinality(source, instance) {
  return source.replace(/(<bpmn:multiInstanceLoopCharacteristics>[\s\S]*?inputCollection="([^"]*)"[\s\S]*?<\/bpmn:extensionElements>)/g, (whole, _, collection) => {
    const text = collection.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    const count = instance.resolve(text).length;
    return `${whole}\n<bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">=${count}</bpmn:loopCardinality>`;
  });
}

export function ioMappings(activity) {
  const [mapping] = extensionValues(activity, 'zeebe:IoMapping');
  return { inputs: mapping?.inputParameters || [], outputs: mapping?.outputParameters || [] };
}

/** One instance of a process in bpmn-engine, with the Zeebe parts above. */
export class Instance {
  constructor(source, processId, inputs, forms, { zeroTimers = false } = {}) {
    this.processId = processId;
    this.forms = forms;
    this.variables = { ...inputs };
    this.timers = new ManualTimers();
    this.timers.immediate = zeroTimers;
    this.waiting = [];
    this.calls = [];
    this.visits = new Set();
    this.reached = [];
    this.notifications = [];
    this.problems = [];
    this.error = null;
    this.ended = false;
    const instance = this;
    this.engine = new Engine({
      name: processId,
      source: withCardinality(source, this),
      moddleOptions: { zeebe },
      timers: this.timers,
      expressions: {
        // A timer's date (business days reckoned over the calendar) as
        // the ISO text bpmn-engine's timers parse.
        resolveExpression: (expression) => {
          const value = this.resolve(expression);
          return value instanceof FeelDateTime ? String(value) : value;
        },
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
              const local = { ...instance.variables };
              for (const input of ioMappings(activity).inputs) local[input.target] = instance.resolve(input.source, local);
              instance.notifications.push({ ...header, recipient: local.recipient ?? null });
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
    listener.on('activity.start', (api) => {
      if (api.type !== 'bpmn:ScriptTask') return;
      const [script] = extensionValues(api.owner, 'zeebe:Script');
      if (script) this.variables[script.resultVariable] = this.resolve(script.expression);
    });
    listener.on('activity.call', (api) => {
      this.calls.push(api);
    });
    listener.on('activity.wait', (api) => {
      if (api.type !== 'bpmn:UserTask') return;
      const local = { ...this.variables };
      const loop = loopOf(api.owner);
      const multi = Boolean(loop && api.content.isMultiInstance);
      const visit = multi ? api.content.parent?.executionId : api.executionId;
      if (multi) {
        // Zeebe: the input collection is evaluated when the body opens;
        // the output collection starts as one null per element.
        const collection = this.resolve(loop.inputCollection);
        if (!this.visits.has(visit)) this.variables[loop.outputCollection] = collection.map(() => null);
        local[loop.inputElement] = collection[api.content.index];
      }
      for (const input of ioMappings(api.owner).inputs) local[input.target] = this.resolve(input.source, local);
      const [definition] = extensionValues(api.owner, 'zeebe:FormDefinition');
      this.waiting.push({ api, local, formId: definition?.formId, visit, loop: multi ? loop : null, index: api.content.index });
      if (!this.visits.has(visit)) this.reached.push(nameOf(api.id));
      this.visits.add(visit);
    });
    // A task that ended or left without being completed here (withdrawn with
    // its block, or an instance of a multi-instance body that completed
    // early, which withdraws the others) is no longer open.
    const closed = (api) => {
      if (api.type !== 'bpmn:UserTask') return;
      this.waiting = this.waiting.filter((task) => task.visit !== api.executionId && task.api.executionId !== api.executionId);
    };
    listener.on('activity.end', closed);
    listener.on('activity.leave', closed);
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
    const { api, local, loop, index } = this.waiting.shift();
    const scope = { ...local, ...variables };
    const { inputs, outputs } = ioMappings(api.owner);
    // Without output mappings the completion's variables go to the process,
    // except those an input mapping made local to the task.
    const locals = new Set(inputs.map((input) => input.target));
    if (outputs.length === 0) {
      for (const [name, value] of Object.entries(variables)) if (!locals.has(name)) this.variables[name] = value;
    }
    for (const output of outputs) this.variables[output.target] = this.resolve(output.source, scope);
    if (loop) this.variables[loop.outputCollection][index] = this.resolve(loop.outputElement, scope);
    api.signal(variables);
    return nameOf(api.id);
  }

  /** Who the first open task is for: {groups, users}, from its
   * zeebe:assignmentDefinition evaluated in its scope. */
  whoOf(task) {
    const [assignment] = extensionValues(task.api.owner, 'zeebe:AssignmentDefinition');
    const value = (text, fallback) => (text === undefined ? fallback : this.resolve(text, task.local));
    const list = (text) => {
      const result = value(text, []);
      return typeof result === 'string' ? result.split(',').filter(Boolean) : result;
    };
    const users = list(assignment?.candidateUsers);
    if (assignment?.assignee !== undefined) users.push(value(assignment.assignee));
    return { groups: list(assignment?.candidateGroups), users };
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

  /** Completes every open task with `chosen(step, visit, count)` as its
   * outcome (`count`: how many tasks of that visit were completed before;
   * every signer's instance of a visit is one of its tasks); `onOpen` sees
   * each task as it opens; with `zeroTimers` (an instance started with
   * it), the timers of no delay (`notify ... when started`) fire before
   * every step, as Zeebe fires them at once. */
  async runToEnd(chosen = () => 'next', { onOpen = null, zeroTimers = false } = {}) {
    const counts = new Map();
    const seen = new Set();
    for (let i = 0; i < MAX_TASKS && !this.error; i += 1) {
      // Let the timers of no delay the last step started fire.
      if (zeroTimers) await new Promise((resolve) => setImmediate(resolve));
      for (const task of this.waiting) {
        if (seen.has(task)) continue;
        seen.add(task);
        if (onOpen) onOpen(task);
      }
      if (!this.waiting.length) break;
      const task = this.waiting[0];
      const count = counts.get(task.visit) || 0;
      counts.set(task.visit, count + 1);
      this.completeWith(chosen(nameOf(task.api.id), task.visit, count));
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

async function started(source, processPlan, inputs, forms, options = {}) {
  const instance = new Instance(source, processPlan.bpmn_id, inputs, forms, options);
  await instance.start();
  return instance;
}

/** A `chosen` giving each visit of a step the next of its `outcomes`
 * (then `next`): every signer of a visit votes the visit's outcome. */
function perVisit(outcomes) {
  const used = {};
  const chosen = new Map();
  return (step, visit) => {
    if (!chosen.has(visit)) {
      const count = used[step] || 0;
      used[step] = count + 1;
      const given = outcomes[step] || [];
      chosen.set(visit, count < given.length ? given[count] : 'next');
    }
    return chosen.get(visit);
  };
}

const byJson = (a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** Every task of the normal path, for each applicant role, is for whom
 * the IR's parties say (as in spiff_differential.py). */
async function assignmentChecks(source, processPlan, forms) {
  const problems = [];
  let checks = 0;
  for (const testCase of processPlan.assignment_cases) {
    const instance = await started(source, processPlan, testCase.engine, forms);
    const found = {};
    const firstVisit = {};
    await instance.runToEnd(() => 'next', {
      onOpen: (task) => {
        const step = nameOf(task.api.id);
        if ((firstVisit[step] ??= task.visit) === task.visit) (found[step] ??= []).push(instance.whoOf(task));
      },
    });
    problems.push(...instance.problems);
    for (const [step, expected] of Object.entries(testCase.expected)) {
      checks += 1;
      const actual = (found[step] || []).sort(byJson);
      if (JSON.stringify(actual) !== JSON.stringify([...expected].sort(byJson))) {
        problems.push(`applicant ${testCase.applicant_role}: ${step} is for ${JSON.stringify(actual)}, flowc says ${JSON.stringify(expected)}`);
      }
    }
  }
  return { checks, problems };
}

/** A vote pattern on a multi-signer step: the path, a completed instance,
 * and the votes taken are those that decide the step (Zeebe withdraws the
 * other instances). */
async function signingCheck(source, processPlan, check, forms) {
  const instance = await started(source, processPlan, processPlan.first_inputs.engine, forms);
  const cast = [];
  await instance.runToEnd((step, _visit, count) => {
    if (step !== check.step || count >= check.votes.length) return 'next';
    cast.push(check.votes[count]);
    return check.votes[count];
  });
  const steps = new Set(processPlan.steps);
  const reached = instance.reached.filter((step) => steps.has(step));
  const problems = [...instance.problems];
  if (JSON.stringify(reached) !== JSON.stringify(check.expected)) problems.push(`path ${JSON.stringify(reached)}, flowc sim ${JSON.stringify(check.expected)}`);
  if (cast.length !== check.decided_after) problems.push(`${cast.length} votes taken, expected ${check.decided_after}`);
  const open = instance.openTokens();
  if (open) problems.push(open);
  return problems;
}

/** The notifications of the moments reached, to whom they name, and a
 * completed instance (as in spiff_differential.py). */
async function notificationCheck(source, processPlan, check, forms) {
  const instance = await started(source, processPlan, processPlan.first_inputs.engine, forms, { zeroTimers: true });
  await instance.runToEnd(perVisit(check.outcomes), { zeroTimers: true });
  const steps = new Set(processPlan.steps);
  const reached = instance.reached.filter((step) => steps.has(step));
  const sent = instance.notifications
    .filter((n) => n.kind === 'notification')
    .map((n) => [n.step, n.when, n.to, n.recipient])
    .sort(byJson);
  const problems = [...instance.problems];
  if (JSON.stringify(sent) !== JSON.stringify([...check.expected].sort(byJson))) problems.push(`sent ${JSON.stringify(sent)}, expected ${JSON.stringify(check.expected)}`);
  if (JSON.stringify(reached) !== JSON.stringify(check.expected_path)) problems.push(`path ${JSON.stringify(reached)}, flowc sim ${JSON.stringify(check.expected_path)}`);
  const open = instance.openTokens();
  if (open) problems.push(open);
  return problems;
}

async function pathCheck(source, processPlan, run, forms) {
  const instance = await started(source, processPlan, run.engine, forms);
  await instance.runToEnd(perVisit(run.outcomes));
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
    .filter((n) => n.step === check.step && ['reminder', 'escalation'].includes(n.kind))
    .map((n) => [n.kind, n.to])
    .sort();
  await instance.runToEnd();
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
export function formsIn(dir) {
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
  const counts = { runs: 0, timers: 0, unset: 0, assignment: 0, signing: 0, notification: 0 };
  let failures = 0;
  const report = (what, problems) => {
    if (!problems.length) return;
    failures += 1;
    console.log(`FAIL ${what}\n  ${problems.join('\n  ')}`);
  };
  for (const processPlan of plans) {
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
    const assigned = await assignmentChecks(source, processPlan, forms);
    counts.assignment += assigned.checks;
    report(`${name} assignments`, assigned.problems);
    if (!assigned.checks && processPlan.assignment_cases.some((c) => Object.keys(c.expected).length)) report(name, ['no assignment check was run']);
    for (const check of processPlan.signing_checks) {
      counts.signing += 1;
      report(`${name} ${check.step} votes ${JSON.stringify(check.votes)}`, await signingCheck(source, processPlan, check, forms));
    }
    if (Object.keys(processPlan.multi_signer).length && !processPlan.signing_checks.length) report(name, ['no signing check was run']);
    for (const check of processPlan.notification_checks) {
      counts.notification += 1;
      report(`${name} notifications with outcomes ${JSON.stringify(check.outcomes)}`, await notificationCheck(source, processPlan, check, forms));
    }
    if (processPlan.notifying.length && !processPlan.notification_checks.length) report(name, ['no notification check was run']);
  }
  console.log(`bpmn-engine: ${counts.runs} runs, ${counts.timers} timer checks, ${counts.unset} unset-outcome checks, ${counts.assignment} assignment checks, ${counts.signing} signing checks and ${counts.notification} notification checks over ${plans.length} processes, ${failures} failures`);
  process.exit(failures || counts.runs === 0 ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
