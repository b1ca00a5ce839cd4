"""Differential test: the spiff-dialect BPMN of every process, run in
SpiffWorkflow, reaches the same steps in the same order as `flowc sim`.

Usage: python spiff_differential.py PLAN.json BPMN_DIR

The scenarios and what `flowc sim` says for each come from the plan
differential_scenarios.py writes (the bpmn-engine harness runs the same
plan on the Zeebe dialect). For every
run the sequence of user tasks of steps that SpiffWorkflow makes ready is
compared with the `steps` of `flowc sim --format json` for the same inputs
and outcomes.
"""

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

import SpiffWorkflow.bpmn.specs.event_definitions.timer as spiff_timer
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

from differential_scenarios import name_of

PLAN, BPMN_DIR = Path(sys.argv[1]), Path(sys.argv[2])
MAX_TASKS = 500


class VirtualClock(datetime):
    """The clock SpiffWorkflow's timers read, moved forward by the test."""

    offset = timedelta(0)

    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + cls.offset


spiff_timer.datetime = VirtualClock


class NotificationWorker(TaskDataEnvironment):
    """The company's notification worker: records every reminder and
    escalation the `flowc-notification` service tasks send."""

    def __init__(self):
        super().__init__()
        self.sent = []

    def call_service(self, context, operation_name=None, operation_params=None, **kwargs):
        if operation_name != "flowc-notification":
            raise AssertionError(f"unknown service operator {operation_name}")
        params = {key: param["value"] for key, param in operation_params.items()}
        self.sent.append(params)
        return "null"


def start_workflow(path, process_plan, inputs):
    """A SpiffWorkflow instance of the process, started with `inputs`
    (engine values) and run to its first wait."""
    parser = SpiffBpmnParser()
    parser.add_bpmn_file(str(path))
    spec = parser.get_spec(process_plan["bpmn_id"])
    subprocesses = parser.get_subprocess_specs(process_plan["bpmn_id"])
    worker = NotificationWorker()
    workflow = BpmnWorkflow(spec, subprocesses, script_engine=PythonScriptEngine(environment=worker))
    workflow.notifications = worker.sent
    for task in workflow.get_tasks(state=TaskState.READY):
        task.data.update(inputs)
    workflow.do_engine_steps()
    return workflow


def step_of(task):
    """The step a task stands for: a signer's instance of a multi-signer
    step is `STEP [child]` in SpiffWorkflow."""
    return name_of(task.task_spec.name.removesuffix(" [child]"))


def visit_of(task):
    """One visit of a step: the task, or for a signer's instance the
    multi-instance task holding every signer of that visit."""
    return task.parent.id if task.task_spec.name.endswith(" [child]") else task.id


def complete_ready(workflow, outcome="next"):
    """Completes the first ready task with `outcome`; False if none is ready."""
    ready = workflow.get_tasks(state=TaskState.READY, manual=True)
    if not ready:
        return False
    ready[0].data["outcome"] = outcome
    ready[0].run()
    workflow.do_engine_steps()
    return True


def run(workflow, process_plan, choose, on_open=None, refresh=False, on_complete=None):
    """Completes ready tasks one at a time until none is ready; returns the
    steps reached, one per visit. `choose(step, visit, count)` gives the
    `outcome` of a task (every signer's instance of a visit is one task of
    that visit, `count` its number among them); `on_open(task)` sees every
    task as it opens; with `refresh` SpiffWorkflow's waiting timers are
    checked after every step (as an application polling them does), so
    the `started` timers fire. `on_complete(task)` sees every task of a
    step as it is completed, with its `outcome` set."""
    steps = set(process_plan["steps"])
    reached = []
    opened = set()
    visits = {}
    for _ in range(MAX_TASKS):
        if refresh:
            workflow.refresh_waiting_tasks()
            workflow.do_engine_steps()
        ready = workflow.get_tasks(state=TaskState.READY, manual=True)
        for task in ready:
            if task.id in opened:
                continue
            opened.add(task.id)
            if on_open is not None:
                on_open(task)
            if visit_of(task) not in visits and step_of(task) in steps:
                visits[visit_of(task)] = 0
                reached.append(step_of(task))
        if not ready:
            break
        task = ready[0]
        count = visits.get(visit_of(task), 0)
        visits[visit_of(task)] = count + 1
        task.data["outcome"] = choose(step_of(task), visit_of(task), count)
        if on_complete is not None and step_of(task) in steps:
            on_complete(task)
        task.run()
        workflow.do_engine_steps()
    return reached


def per_visit(outcomes):
    """A `choose` giving each visit of a step the next of its `outcomes`
    (then `next`): every signer of a visit votes the visit's outcome."""
    used = {}
    chosen = {}

    def choose(step, visit, _count):
        if visit not in chosen:
            count = used.get(step, 0)
            used[step] = count + 1
            given = outcomes.get(step, [])
            chosen[visit] = given[count] if count < len(given) else "next"
        return chosen[visit]

    return choose


def open_tasks(workflow):
    return [t.task_spec.name for t in workflow.get_tasks(state=TaskState.NOT_FINISHED_MASK)]


def spiff_run(path, process_plan, inputs, outcomes):
    workflow = start_workflow(path, process_plan, inputs)
    reached = run(workflow, process_plan, per_visit(outcomes))
    if not workflow.is_completed():
        raise AssertionError(f"{process_plan['process']}: SpiffWorkflow did not complete; reached {reached}")
    return reached


def who_of(workflow, task):
    """Who a task is for, from its properties: {groups, users}."""
    properties = task.task_spec.extensions.get("properties", {})

    def evaluated(name, default):
        return workflow.script_engine.evaluate(task, properties[name]) if name in properties else default

    groups = [group for group in properties.get("candidateGroups", "").split(",") if group]
    groups += evaluated("candidateGroupsExpression", [])
    users = evaluated("candidateUsersExpression", [])
    if "assigneeExpression" in properties:
        users = users + [evaluated("assigneeExpression", None)]
    return {"groups": groups, "users": users}


def assignment_checks(process_plan, path):
    """For each applicant role: with the people the starter passes for
    someone of that role, every task of the normal path (every signer's
    instance) is for whom flowc's parties say."""
    checks = failures = 0
    for case in process_plan["assignment_cases"]:
        workflow = start_workflow(path, process_plan, case["engine"])
        found = {}
        first_visit = {}

        def on_open(task):
            step = step_of(task)
            if first_visit.setdefault(step, visit_of(task)) == visit_of(task):
                found.setdefault(step, []).append(who_of(workflow, task))

        run(workflow, process_plan, per_visit({}), on_open)
        for step, expected in case["expected"].items():
            checks += 1
            actual = sorted(found.get(step, []), key=json.dumps)
            if actual != sorted(expected, key=json.dumps):
                failures += 1
                print(f"FAIL {process_plan['process']} applicant {case['applicant_role']}: {step} is for {actual}, flowc says {expected}")
    return checks, failures


def signing_checks(process_plan, path):
    """For each multi-signer step of the normal path and each vote
    pattern: the path is flowc sim's for the step's resulting outcome, the
    instance completes, and the votes it took are exactly those that decide
    the step (a quorum decided early leaves the other signers' instances
    withdrawn)."""
    failures = 0
    for check in process_plan["signing_checks"]:
        step, votes = check["step"], check["votes"]
        workflow = start_workflow(path, process_plan, process_plan["first_inputs"]["engine"])
        cast = []

        def choose(name, _visit, count):
            if name != step or count >= len(votes):
                return "next"
            cast.append(votes[count])
            return votes[count]

        reached = run(workflow, process_plan, choose)
        expected_votes = check["decided_after"]
        problems = []
        if reached != check["expected"]:
            problems.append(f"path {reached}, flowc sim {check['expected']}")
        if len(cast) != expected_votes:
            problems.append(f"{len(cast)} votes taken, expected {expected_votes}")
        if not workflow.is_completed() or open_tasks(workflow):
            problems.append(f"not completed; open: {open_tasks(workflow)}")
        if problems:
            failures += 1
            print(f"FAIL {process_plan['process']} {step} votes {votes}: {'; '.join(problems)}")
    return len(process_plan["signing_checks"]), failures


def notification_checks(process_plan, path):
    """The `notify` lines: along the normal path (and with each step that
    notifies on rejection rejected), the notifications sent are those of
    the moments reached, each to whom it names (and, for a person of the
    applicant's line, with that person's user id), and the instance still
    completes with nothing open (a notification never holds a token)."""
    failures = 0
    for check in process_plan["notification_checks"]:
        workflow = start_workflow(path, process_plan, process_plan["first_inputs"]["engine"])
        reached = run(workflow, process_plan, per_visit(check["outcomes"]), refresh=True)
        sent = sorted([n["step"], n["when"], n["to"], n.get("recipient")]
                      for n in workflow.notifications if n["kind"] == "notification")
        problems = []
        if sent != check["expected"]:
            problems.append(f"sent {sent}, expected {check['expected']}")
        if reached != check["expected_path"]:
            problems.append(f"path {reached}, flowc sim {check['expected_path']}")
        if not workflow.is_completed() or open_tasks(workflow):
            problems.append(f"not completed; open: {open_tasks(workflow)}")
        if problems:
            failures += 1
            print(f"FAIL {process_plan['process']} notifications with outcomes {check['outcomes']}: {'; '.join(problems)}")
    return len(process_plan["notification_checks"]), failures


def run_until_open(workflow, step):
    """Completes tasks on the normal path until `step`'s task is ready; that
    task, or None if the instance never opens it."""
    for _ in range(MAX_TASKS):
        ready = workflow.get_tasks(state=TaskState.READY, manual=True)
        task = next((t for t in ready if step_of(t) == step), None)
        if task is not None or not complete_ready(workflow):
            return task
    return None


def spiff_notifications(path, process_plan, step):
    """Runs the normal path until `step` is open, moves the clock a year on,
    and returns the notifications its boundary timers sent: [kind, group].
    Then runs the normal path on and fails unless the instance completes
    with no task left open (the notifications hold no token)."""
    workflow = start_workflow(path, process_plan, process_plan["first_inputs"]["engine"])
    if run_until_open(workflow, step) is None:
        return None
    VirtualClock.offset += timedelta(days=400)
    try:
        workflow.refresh_waiting_tasks()
        workflow.do_engine_steps()
    finally:
        VirtualClock.offset -= timedelta(days=400)
    found = sorted([sent["kind"], sent["to"]] for sent in workflow.notifications
                   if sent["step"] == step and sent["kind"] in ("reminder", "escalation"))
    for _ in range(MAX_TASKS):
        if not complete_ready(workflow):
            break
    open_tasks = [t.task_spec.name for t in workflow.get_tasks(state=TaskState.NOT_FINISHED_MASK)]
    if not workflow.is_completed() or open_tasks:
        raise AssertionError(f"{step} late: the instance did not complete; open: {open_tasks}")
    return found


def timer_checks(process_plan, path):
    """For each step with timers on the normal path: the notifications
    SpiffWorkflow sends when the step is a year late are those flowc sim
    reports for a late step."""
    failures = 0
    for check in process_plan["timer_checks"]:
        expected = check["expected"]
        actual = spiff_notifications(path, process_plan, check["step"])
        if actual != expected or not expected:
            failures += 1
            print(f"FAIL {process_plan['process']} timers of {check['step']}")
            print(f"  flowc sim:     {expected}")
            print(f"  SpiffWorkflow: {actual}")
    return len(process_plan["timer_checks"]), failures


def unset_outcome_checks(process_plan, path):
    """For each step with outcomes on the normal path: completing it without
    setting `outcome` (after earlier steps set it to `next`) raises an error
    naming the step and its allowed outcomes, and nothing advances."""
    failures = 0
    for check in process_plan["unset_outcome_checks"]:
        step, outcomes = check["step"], check["outcomes"]
        workflow = start_workflow(path, process_plan, process_plan["first_inputs"]["engine"])
        task = run_until_open(workflow, step)
        before = {t.id for t in workflow.get_tasks(state=TaskState.READY, manual=True)}
        message = None
        try:
            task.run()
            workflow.do_engine_steps()
        except Exception as error:  # SpiffWorkflow's WorkflowTaskException
            message = str(error)
        advanced = [name_of(t.task_spec.name) for t in workflow.get_tasks(state=TaskState.READY, manual=True)
                    if t.id not in before]
        if (message is None or f"step {step}:" not in message
                or not all(o in message for o in outcomes) or advanced):
            failures += 1
            print(f"FAIL {process_plan['process']} {step} completed without an outcome: error {message!r}, ready {advanced}")
    return len(process_plan["unset_outcome_checks"]), failures


def needs_checks(process_plan, kind):
    """Whether the process has what `kind` checks: steps with owners,
    multi-signer steps, notify lines."""
    if kind == "assignment":
        return any(case["expected"] for case in process_plan["assignment_cases"])
    if kind == "signing":
        return bool(process_plan["multi_signer"])
    return bool(process_plan["notifying"])


def main():
    plans = json.loads(PLAN.read_text())
    runs = failures = timer_runs = unset_runs = 0
    people = {"assignment": 0, "signing": 0, "notification": 0}
    for process_plan in plans:
        process = process_plan["process"]
        path = BPMN_DIR / f"{process}.bpmn"
        before = runs
        for run in process_plan["runs"]:
            if run["expected"] is None:
                print(f"FAIL {process} {run['sim']} {run['outcomes']}: flowc sim: {run['sim_error']}")
                failures += 1
                continue
            actual = spiff_run(path, process_plan, run["engine"], run["outcomes"])
            runs += 1
            if actual != run["expected"]:
                failures += 1
                print(f"FAIL {process} inputs={run['sim']} outcomes={run['outcomes']}")
                print(f"  flowc sim:     {run['expected']}")
                print(f"  SpiffWorkflow: {actual}")
        if runs == before:
            failures += 1
            print(f"FAIL {process}: no input vector was run")
        checks, failed = timer_checks(process_plan, path)
        timer_runs += checks
        failures += failed
        checks, failed = unset_outcome_checks(process_plan, path)
        unset_runs += checks
        failures += failed
        for kind, check in (("assignment", assignment_checks), ("signing", signing_checks),
                            ("notification", notification_checks)):
            checks, failed = check(process_plan, path)
            people[kind] += checks
            failures += failed
            if checks == 0 and needs_checks(process_plan, kind):
                failures += 1
                print(f"FAIL {process}: no {kind} check was run")
    print(f"SpiffWorkflow: {runs} runs, {timer_runs} timer checks, {unset_runs} unset-outcome checks,"
          f" {people['assignment']} assignment checks, {people['signing']} signing checks and"
          f" {people['notification']} notification checks over {len(plans)} processes, {failures} failures")
    if failures or runs == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
