"""Differential test of processes as one system in SpiffWorkflow: the
spiff-dialect BPMN of the examples, every file of the build loaded into one
parser, run caller and callee together.

Usage: python spiff_system.py EXAMPLES_BPMN_DIR SYSTEM_FIXTURE_BPMN_DIR FLOWC EXAMPLES_DIR SYSTEM_FIXTURE_DIR

What users rely on is compared with what flowc's language says, as
expectations written here and, for every case `flowc sim` can replay (the
same inputs, recorded values, outcomes and delays), with the `steps` of
`flowc sim --format json` (a called process's steps as `CALL.STEP`): the
steps reached in order, in which process, each task's candidate group,
and that the instance completes with nothing left open.

Cases: purchase without and with a contract (the call runs
contract_approval with `value = amount`; its rejection sends the contract
back to drafting and the purchase still completes); `amount <= budget_left`
at equality and a cent either side; the contract's value at the callee's
threshold (1000000 CNY) and a cent either side; each recorded value at
each of its values (needs_contract, passed) and a task completed without
one (refused); the timeout of budget_increase firing (8 business days)
and not firing (a minute before); the appointment's public notice finished
early (refused, the task opens again), on time, and an objection during
the period (taken at once). The system fixture
(tests/fixtures/bpmn-system): a recorded date against an input date at
equality and a day either side; the call routed by the end its callee
reached (`on refused`) and its `next`; a block branch with a minimum
period refused early, and its timeout leaving the block.
"""

import json
import subprocess
import sys
from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

import SpiffWorkflow.bpmn.specs.event_definitions.timer as spiff_timer
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

from differential_scenarios import name_of

BPMN_DIR, SYSTEM_DIR = Path(sys.argv[1]), Path(sys.argv[2])
FLOWC, PROJECTS = sys.argv[3], {BPMN_DIR: sys.argv[4], SYSTEM_DIR: sys.argv[5]}
# The call of each called process, as `flowc sim` names its steps.
CALLS = {"contract_approval": "contract", "vetting": "vet"}
MAX_TASKS = 200
# The examples' working calendar (examples/flowc.toml has no [calendar]):
# Monday to Friday, 8 hours from 09:00, no holidays; the engine's zone is
# the company's (no utc-offset), so the timers read the local clock.
OPENS, HOURS = time(9, 0), 8
# Every instance starts on a Monday at 09:00, local time.
STARTED = datetime(2026, 1, 5, 9, 0).astimezone()


def business_days_later(moment, days):
    """The instant `days` business days of working time after `moment`, as
    flowc sim reckons it (docs/runtime.md): work starts at the next opening
    when the day is closed, and a duration that ends as a day closes ends
    at the next day's opening."""
    minutes = days * HOURS * 60
    current = moment
    while True:
        opening = datetime.combine(current.date(), OPENS, current.tzinfo)
        closing = opening + timedelta(hours=HOURS)
        if current.weekday() < 5 and current < closing:
            start = max(current, opening)
            left = (closing - start) / timedelta(minutes=1)
            if minutes < left:
                return start + timedelta(minutes=minutes)
            minutes -= left
        current = datetime.combine(current.date() + timedelta(days=1), time(0), current.tzinfo)


class VirtualClock(datetime):
    """The clock SpiffWorkflow's timers and flowc's minimum-period scripts
    read (both take `datetime` from SpiffWorkflow's timer module): it
    starts at STARTED and is moved forward by the test."""

    offset = timedelta(0)

    @classmethod
    def now(cls, tz=None):
        moment = STARTED + cls.offset
        return moment.astimezone(tz) if tz else moment.replace(tzinfo=None)


spiff_timer.datetime = VirtualClock


class Notifications(TaskDataEnvironment):
    """The notification worker: accepts the reminders and escalations the
    `flowc-notification` service tasks send while the clock moves on."""

    def call_service(self, context, operation_name=None, operation_params=None, **kwargs):
        if operation_name != "flowc-notification":
            raise AssertionError(f"unknown service operator {operation_name}")
        return "null"


def parser(directory):
    """Every BPMN file of a build in one parser: a caller's call activity
    finds its callee by process id."""
    loaded = SpiffBpmnParser()
    loaded.add_bpmn_files(sorted(str(path) for path in directory.glob("*.bpmn")))
    return loaded


PARSERS = {directory: parser(directory) for directory in (BPMN_DIR, SYSTEM_DIR)}
PROCESSES = {path.stem for directory in PARSERS for path in directory.glob("*.bpmn")}


def process_of(task):
    """The process a task belongs to: its workflow's, or for a task of a
    parallel block (an embedded sub-process) that of the process around."""
    workflow = task.workflow
    while workflow.spec.name not in PROCESSES and workflow is not workflow.top_workflow:
        workflow = workflow.parent_workflow
    return workflow.spec.name


def start(process, inputs, directory=BPMN_DIR):
    VirtualClock.offset = timedelta(0)
    loaded = PARSERS[directory]
    workflow = BpmnWorkflow(loaded.get_spec(process), loaded.get_subprocess_specs(process),
                            script_engine=PythonScriptEngine(environment=Notifications()))
    for task in workflow.get_tasks(state=TaskState.READY):
        task.data.update(inputs)
    workflow.do_engine_steps()
    return workflow


def ready(workflow):
    return workflow.get_tasks(state=TaskState.READY, manual=True)


def opened(workflow):
    """The open user tasks: (process, step, candidate group)."""
    found = []
    for task in ready(workflow):
        properties = task.task_spec.extensions.get("properties", {})
        found.append((process_of(task), name_of(task.task_spec.name), properties.get("candidateGroups")))
    return sorted(found)


def wait(workflow, delay):
    """Moves the clock on by `delay` and lets the timers that are due fire."""
    VirtualClock.offset += delay
    workflow.refresh_waiting_tasks()
    workflow.do_engine_steps()


class Run:
    """One instance and the steps it reached: (process, step, group)."""

    def __init__(self, process, inputs, directory=BPMN_DIR):
        self.workflow = start(process, inputs, directory)
        self.reached = []
        self.seen = set()
        self.data_at = {}
        self.note_opened()

    def note_opened(self):
        for task in ready(self.workflow):
            if task.id not in self.seen:
                self.seen.add(task.id)
                properties = task.task_spec.extensions.get("properties", {})
                self.reached.append(
                    (process_of(task), name_of(task.task_spec.name), properties.get("candidateGroups"))
                )

    def complete(self, step, outcome=None, **values):
        """Completes the open task of `step` with `outcome` (when the step
        has outcomes) and recorded values."""
        task = next((t for t in ready(self.workflow) if name_of(t.task_spec.name) == step), None)
        if task is None:
            raise AssertionError(f"{step} is not open; open: {opened(self.workflow)}")
        self.data_at.setdefault(step, dict(task.data))
        if outcome is not None:
            task.data["outcome"] = outcome
        task.data.update(values)
        task.run()
        self.workflow.do_engine_steps()
        self.note_opened()

    def wait(self, delay):
        wait(self.workflow, delay)
        self.note_opened()

    def wait_business_days(self, days, then=timedelta(0)):
        """Moves the clock on by `days` business days of the calendar,
        then by `then` (a minute either side of a timer)."""
        moment = STARTED + VirtualClock.offset
        self.wait(business_days_later(moment, days) + then - moment)

    def steps(self):
        return [(process, step) for process, step, _ in self.reached]

    def done(self):
        left = [t.task_spec.name for t in self.workflow.get_tasks(state=TaskState.NOT_FINISHED_MASK)]
        return self.workflow.is_completed() and not left


CONTRACT = [
    ("contract_approval", "draft"),
    ("contract_approval", "dept_review"),
    ("contract_approval", "legal_review"),
    ("contract_approval", "finance_review"),
    ("contract_approval", "division_approval"),
]


def contract_steps(run, rejected=False):
    """Works the contract through: drafting, review (rejected once when
    `rejected`), countersigning, approval and, for a major contract, the
    general manager; returns nothing, the run records the path."""
    run.complete("draft")
    if rejected:
        run.complete("dept_review", "reject")
        run.complete("draft")
    run.complete("dept_review", "next")
    run.complete("legal_review", "next")
    run.complete("finance_review", "next")
    run.complete("division_approval", "next")
    if any(step == "gm_approval" for _, step, _ in opened(run.workflow)):
        run.complete("gm_approval", "next")
    run.complete("sign")


def purchase(amount, budget_left, needs_contract, passed=(True,), increase=None, rejected=False):
    """A purchase worked through; returns the run."""
    run = Run("purchase", {"amount": float(amount), "budget_left": float(budget_left)})
    run.complete("request", needs_contract=needs_contract)
    if increase is not None:
        run.complete("budget_increase", increase)
        if increase == "reject":
            return run
    if needs_contract:
        contract_steps(run, rejected)
    for verdict in passed:
        run.complete("order")
        run.complete("receipt", passed=verdict)
    return run


def purchase_path(within_budget, needs_contract, value=None, rejected=False, receipts=1):
    path = [("purchase", "request")]
    if not within_budget:
        path.append(("purchase", "budget_increase"))
    if needs_contract:
        path.append(CONTRACT[0])
        if rejected:
            path += [CONTRACT[1], CONTRACT[0]]
        path += CONTRACT[1:]
        if value >= Decimal("1000000"):
            path.append(("contract_approval", "gm_approval"))
        path.append(("contract_approval", "sign"))
    path += [("purchase", "order"), ("purchase", "receipt")] * receipts
    return path


FAILURES = []
RAN = []


def check(name, condition, detail=""):
    RAN.append(name)
    if not condition:
        FAILURES.append(name)
        print(f"FAIL {name} {detail}")


def sim_steps(process, sets, outcomes=(), delays=(), directory=BPMN_DIR):
    """The steps `flowc sim` reaches (the calls themselves left out), or
    its error."""
    args = [FLOWC, "sim", PROJECTS[directory], "--process", process, "--format", "json"]
    for option, pairs in (("--set", sets), ("--outcome", outcomes), ("--delay", delays)):
        for key, value in pairs:
            args += [option, f"{key}={value}"]
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        return f"flowc sim failed: {result.stderr.strip()[-300:]}"
    return [step for step in json.loads(result.stdout)["steps"] if step not in CALLS.values()]


def as_sim(run, top):
    """The run's steps as `flowc sim` names them; a task given back by a
    minimum period's gate and opened again is one visit, as in the
    simulator."""
    names = []
    for process, step in run.steps():
        name = step if process == top else f"{CALLS[process]}.{step}"
        if not names or names[-1] != name:
            names.append(name)
    return names


def agrees_with_sim(name, run, top, sets, outcomes=(), delays=(), directory=BPMN_DIR):
    expected = sim_steps(top, sets, outcomes, delays, directory)
    check(f"{name}: the path of flowc sim", as_sim(run, top) == expected,
          f"SpiffWorkflow {as_sim(run, top)}, flowc sim {expected}")


def yes_no(value):
    return "yes" if value else "no"


def budget_comparisons():
    """`amount <= budget_left` at equality and a cent either side."""
    budget = Decimal("50000")
    for delta in (Decimal("-0.01"), Decimal("0"), Decimal("0.01")):
        amount = budget + delta
        within = amount <= budget
        run = purchase(amount, budget, False, increase=None if within else "next")
        expected = purchase_path(within, False)
        check(f"amount {amount} vs budget_left {budget}", run.steps() == expected and run.done(),
              f"path {run.steps()}, expected {expected}, completed {run.done()}")
        agrees_with_sim(f"amount {amount} vs budget_left {budget}", run, "purchase",
                        [("amount", amount), ("budget_left", budget), ("request.needs_contract", "no"),
                         ("receipt.passed", "yes")])


def contract_calls():
    """The call: contract_approval runs with `value = amount`, at its
    threshold and a cent either side, once with its rejection path; the
    callee is given `value` and nothing else of the caller; the purchase
    completes and keeps nothing of the callee but `end` (`signed`)."""
    for amount in (Decimal("999999.99"), Decimal("1000000"), Decimal("1000000.01")):
        for rejected in (False, True):
            run = purchase(amount, Decimal("2000000"), True, rejected=rejected)
            expected = purchase_path(True, True, amount, rejected)
            last = run.workflow.last_task.data
            given = run.data_at.get("draft", {})
            check(f"contract for {amount}{' rejected once' if rejected else ''}",
                  run.steps() == expected and run.done() and last.get("end") == "signed"
                  and "value" not in last and sorted(given) == ["value"] and given["value"] == float(amount),
                  f"path {run.steps()}, expected {expected}, completed {run.done()}, caller keys {sorted(last)},"
                  f" callee given {given}")
            agrees_with_sim(f"contract for {amount}{' rejected once' if rejected else ''}", run, "purchase",
                            [("amount", amount), ("budget_left", "2000000"), ("request.needs_contract", "yes"),
                             ("receipt.passed", "yes")],
                            [("contract.dept_review", "reject")] if rejected else [])


def recorded_values():
    """Each recorded value at each of its values, and a completion without
    one refused."""
    for needs_contract in (True, False):
        for passed in ((True,), (False, True)):
            run = purchase(Decimal("100"), Decimal("100"), needs_contract, passed)
            expected = purchase_path(True, needs_contract, Decimal("100"), receipts=len(passed))
            check(f"needs_contract={needs_contract} passed={passed}",
                  run.steps() == expected and run.done(),
                  f"path {run.steps()}, expected {expected}, completed {run.done()}")
            agrees_with_sim(f"needs_contract={needs_contract} passed={passed}", run, "purchase",
                            [("amount", "100"), ("budget_left", "100"),
                             ("request.needs_contract", yes_no(needs_contract))]
                            + [("receipt.passed", yes_no(verdict)) for verdict in passed])
    run = Run("purchase", {"amount": 100.0, "budget_left": 100.0})
    message = None
    try:
        run.complete("request")
    except Exception as error:  # SpiffWorkflow's WorkflowTaskException
        message = str(error)
    check("request completed without needs_contract is refused",
          message is not None and "step request: needs_contract" in message
          and not any(step == "order" for _, step, _ in opened(run.workflow)),
          f"error {message!r}, open {opened(run.workflow)}")


def timeouts():
    """budget_increase times out after 8 business days (the purchase ends
    not bought, nothing open); a minute before, it is still open."""
    run = Run("purchase", {"amount": 200.0, "budget_left": 100.0})
    run.complete("request", needs_contract=False)
    run.wait_business_days(8, -timedelta(minutes=1))
    still_open = any(step == "budget_increase" for _, step, _ in opened(run.workflow))
    run.complete("budget_increase", "next")
    run.complete("order")
    run.complete("receipt", passed=True)
    check("timeout not firing a minute early", still_open and run.done(),
          f"open before: {still_open}, completed {run.done()}")
    purchase_values = [("amount", "200"), ("budget_left", "100"), ("request.needs_contract", "no"),
                       ("receipt.passed", "yes")]
    agrees_with_sim("budget_increase done in 7 business days", run, "purchase", purchase_values,
                    delays=[("budget_increase", "7bd")])
    run = Run("purchase", {"amount": 200.0, "budget_left": 100.0})
    run.complete("request", needs_contract=False)
    run.wait_business_days(8, timedelta(minutes=1))
    ended = [t.task_spec.name for t in run.workflow.get_tasks(state=TaskState.COMPLETED)
             if t.task_spec.name in ("bought", "not_bought")]
    check("timeout firing after 8 business days",
          run.done() and run.steps() == [("purchase", "request"), ("purchase", "budget_increase")]
          and ended == ["not_bought"],
          f"path {run.steps()}, ends {ended}, completed {run.done()}, open {opened(run.workflow)}")
    agrees_with_sim("budget_increase not done in 9 business days", run, "purchase", purchase_values,
                    delays=[("budget_increase", "9bd")])


def to_public_notice():
    run = Run("appointment", {"action": "appoint"})
    for step in ("propose",):
        run.complete(step)
    for step in ("hr_review", "division_approval", "gm_decision"):
        run.complete(step, "next")
    return run


APPOINTMENT_HEAD = [("appointment", step) for step in
                    ("propose", "hr_review", "division_approval", "gm_decision", "public_notice")]


def public_notice():
    """At least 5 business days (a week from a Monday): finishing after two
    days is refused (the notice opens again, nothing moves on); after the
    period it goes on to the appointment notice; an objection during the
    period is taken at once."""
    run = to_public_notice()
    run.wait_business_days(2)
    run.complete("public_notice", "next")
    reopened = [step for _, step, _ in opened(run.workflow)] == ["public_notice"]
    check("public notice finished early is refused", reopened and run.steps() == APPOINTMENT_HEAD + [("appointment", "public_notice")],
          f"open {opened(run.workflow)}, path {run.steps()}")
    run.wait_business_days(3, timedelta(minutes=1))
    run.complete("public_notice", "next")
    run.complete("issue_notice")
    run.complete("handover")
    check("public notice finished after the period goes on",
          run.done() and run.steps()[-2:] == [("appointment", "issue_notice"), ("appointment", "handover")],
          f"path {run.steps()}, completed {run.done()}")
    agrees_with_sim("public notice finished after 2 business days", run, "appointment",
                    [("action", "appoint")], delays=[("public_notice", "2bd")])
    run = to_public_notice()
    run.wait_business_days(5, timedelta(minutes=1))
    run.complete("public_notice", "next")
    check("public notice finished on time goes on at once",
          [step for _, step, _ in opened(run.workflow)] == ["issue_notice"],
          f"open {opened(run.workflow)}")
    for founded, end in ((True, "withdrawn"), (False, "effective")):
        run = to_public_notice()
        run.wait_business_days(1)
        run.complete("public_notice", "objection")
        verifying = [step for _, step, _ in opened(run.workflow)] == ["verify_objection"]
        run.complete("verify_objection", founded=founded)
        if not founded:
            run.complete("issue_notice")
            run.complete("handover")
        check(f"objection during the notice, founded={founded} ends {end}",
              verifying and run.done() and run.workflow.last_task.data.get("founded") is founded,
              f"open {opened(run.workflow)}, path {run.steps()}, completed {run.done()}")
        agrees_with_sim(f"objection during the notice, founded={founded}", run, "appointment",
                        [("action", "appoint"), ("verify_objection.founded", yes_no(founded))],
                        [("public_notice", "objection")], [("public_notice", "1bd")])


def assignments():
    """Who gets each task along a contracted purchase: the caller's and
    the callee's owners."""
    run = purchase(Decimal("1000000"), Decimal("2000000"), True)
    groups = {(process, step): group for process, step, group in run.reached}
    expected = {
        ("purchase", "request"): "buyer",
        ("contract_approval", "draft"): "account_manager",
        ("contract_approval", "legal_review"): "legal_counsel",
        ("contract_approval", "finance_review"): "accountant",
        ("contract_approval", "division_approval"): "division_lead",
        ("contract_approval", "gm_approval"): "general_manager",
        ("purchase", "order"): "buyer",
        ("purchase", "receipt"): "warehouse_keeper",
    }
    wrong = {key: (groups.get(key), group) for key, group in expected.items() if groups.get(key) != group}
    check("who gets each task of a contracted purchase", not wrong, f"(actual, expected): {wrong}")


def ended(run):
    """The end events of the top process the instance went through."""
    return sorted(name_of(t.task_spec.name) for t in run.workflow.get_tasks(state=TaskState.COMPLETED)
                  if t.workflow is run.workflow and t.task_spec.__class__.__name__ == "EndEvent")


def intake(checked_on, finding="clean"):
    """The fixture's caller up to the end of the call."""
    run = Run("intake", {"deadline": "2026-03-10", "due": "2026-12-31"}, SYSTEM_DIR)
    run.complete("register", checked_on=checked_on)
    if any(step == "check" for _, step, _ in opened(run.workflow)):
        run.complete("check", finding=finding)
    return run


def system_fixture():
    """Dates compared, the call routed by its end, the block's minimum
    period and timeout."""
    for day, on_time in (("2026-03-09", True), ("2026-03-10", True), ("2026-03-11", False)):
        run = intake(day)
        vetted = ("vetting", "check") in run.steps()
        if not on_time:
            check(f"checked_on {day} after the deadline is declined",
                  not vetted and run.done() and ended(run) == ["declined"], f"path {run.steps()}, ends {ended(run)}")
            agrees_with_sim(f"checked_on {day}", run, "intake",
                            [("deadline", "2026-03-10"), ("due", "2026-12-31"), ("register.checked_on", day)], directory=SYSTEM_DIR)
            continue
        check(f"checked_on {day} by the deadline is vetted", vetted, f"path {run.steps()}")
    run = intake("2026-03-10", "doubtful")
    last, given = run.workflow.last_task.data, run.data_at.get("check", {})
    check("the call routed by its callee's end `refused`; the caller's own `due` kept",
          run.done() and ended(run) == ["declined"] and last.get("end") == "refused"
          and last.get("due") == "2026-12-31" and given.get("due") == "2026-03-10"
          and sorted(given) == ["due", "finding"],  # `finding` cleared by the task's pre-script
          f"path {run.steps()}, ends {ended(run)}, completed {run.done()}, caller due {last.get('due')},"
          f" callee given {given}")
    agrees_with_sim("the call routed by its callee's end `refused`", run, "intake",
                    [("deadline", "2026-03-10"), ("due", "2026-12-31"), ("register.checked_on", "2026-03-10"),
                     ("vet.check.finding", "doubtful")], directory=SYSTEM_DIR)
    run = intake("2026-03-10")
    run.complete("archive")
    run.complete("notice")
    refused = [step for _, step, _ in opened(run.workflow)] == ["notice"]
    run.wait(timedelta(days=2, minutes=1))
    run.complete("notice")
    check("the block's notice: refused early, then through the block to accepted",
          refused and run.done() and ended(run) == ["accepted"], f"path {run.steps()}, ends {ended(run)}")
    run = intake("2026-03-10")
    run.wait(timedelta(days=5, minutes=1))
    check("the notice's timeout leaves the block, withdrawing the archive",
          run.done() and ended(run) == ["declined"], f"path {run.steps()}, ends {ended(run)}, open {opened(run.workflow)}")


CASES = (budget_comparisons, contract_calls, recorded_values, timeouts, public_notice, assignments,
         system_fixture)
# Each group: its own checks, then (+) those against flowc sim.
EXPECTED_CHECKS = (3 + 3) + (6 + 6) + (5 + 4) + (2 + 2) + (5 + 3) + 1 + (6 + 2)


def main():
    for case in CASES:
        case()
    print(f"SpiffWorkflow, processes as one system: {len(RAN)} checks, {len(FAILURES)} failures")
    if len(RAN) != EXPECTED_CHECKS:
        print(f"FAIL expected {EXPECTED_CHECKS} checks, ran {len(RAN)}")
        sys.exit(1)
    if FAILURES:
        sys.exit(1)


if __name__ == "__main__":
    main()
