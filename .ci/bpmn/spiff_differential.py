"""Differential test: the spiff-dialect BPMN of every example, run in
SpiffWorkflow, reaches the same steps in the same order as `flowc sim`.

Usage: python spiff_differential.py FLOWC EXAMPLES_DIR BPMN_DIR

For each example process the input vectors are built from its decisions:
every threshold of a money or number comparison gives its boundary values
(the threshold itself and the next cent above and below), every `one of`
and `yes/no` input each of its values. Each vector runs once on the normal
path and once per step with outcomes, rejecting (or taking the step's first
outcome) on its first visit. For every run the sequence of user tasks of
steps that SpiffWorkflow makes ready is compared with the `steps` of
`flowc sim --format json` for the same inputs and outcomes.
"""

import itertools
import json
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import SpiffWorkflow.bpmn.specs.event_definitions.timer as spiff_timer
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from SpiffWorkflow.util.task import TaskState

FLOWC, EXAMPLES, BPMN_DIR = sys.argv[1], sys.argv[2], Path(sys.argv[3])
IR_DIR = BPMN_DIR / "ir"
MAX_TASKS = 500


def xml_id(name):
    """The BPMN id of a name (docs/bpmn.md): non-ASCII characters as _xHHHH_."""
    return "".join(
        c if (c.isascii() and (c.isalnum() or c in "_.-")) else f"_x{ord(c):04X}_" for c in name
    )


def name_of(xml_id):
    """The name a BPMN id stands for."""
    return re.sub(r"_x([0-9A-F]{4,6})_", lambda m: chr(int(m.group(1), 16)), xml_id)


def ir_documents():
    subprocess.run(
        [FLOWC, "build", EXAMPLES, "--out", str(IR_DIR), "--emit", "json"],
        check=True,
        capture_output=True,
    )
    return {path.stem: json.loads(path.read_text()) for path in sorted(IR_DIR.glob("*.json"))}


def comparisons(condition, found):
    if condition["kind"] == "compare":
        found.append(condition)
    elif condition["kind"] == "not":
        comparisons(condition["condition"], found)
    else:
        for part in condition["conditions"]:
            comparisons(part, found)
    return found


def values_per_input(document):
    """The values to try for each input a decision looks at."""
    inputs = {i["name"]: i["type"] for i in document["inputs"]}
    values = {}
    for edge in document["edges"]:
        if edge["kind"] != "condition":
            continue
        for compare in comparisons(edge["condition"], []):
            name, value = compare["input"], compare["value"]
            kind = inputs[name]["kind"]
            tried = values.setdefault(name, [])
            if kind in ("money", "number"):
                text = value.get("amount", value.get("value"))
                threshold = Decimal(text)
                candidates = [threshold + delta for delta in (Decimal("-0.01"), 0, Decimal("0.01"))]
            elif kind == "date":
                day = date.fromisoformat(value["value"])
                candidates = [day - timedelta(days=1), day, day + timedelta(days=1)]
            elif kind == "text":
                candidates = [value["value"], value["value"] + " (other)"]
            else:
                candidates = []
            for candidate in candidates:
                if candidate not in tried:
                    tried.append(candidate)
    for name, kind in inputs.items():
        if kind["kind"] == "one_of":
            values[name] = list(kind["values"])
        elif kind["kind"] == "yes_no":
            values[name] = ["yes", "no"]
        elif not values.get(name):
            values[name] = {
                "money": [Decimal("100")],
                "number": [Decimal("1")],
                "date": [date(2026, 1, 1)],
                "text": ["text"],
            }[kind["kind"]]
    return values


def vectors(document):
    values = values_per_input(document)
    names = sorted(values)
    for combination in itertools.product(*(values[name] for name in names)):
        yield dict(zip(names, combination))


def outcome_scenarios(document):
    """No outcome, then for each step with outcomes its first outcome once."""
    yield {}
    for edge in document["edges"]:
        if edge["kind"] == "outcome":
            yield {edge["from"]: [edge["outcome"]]}


def steps_of(document):
    return {node["id"] for node in document["nodes"] if node["kind"] == "step"}


def flowc_sim(process, inputs, outcomes):
    command = [FLOWC, "sim", EXAMPLES, "--process", process, "--format", "json"]
    for name, value in inputs.items():
        command += ["--set", f"{name}={value}"]
    for step, chosen in outcomes.items():
        for outcome in chosen:
            command += ["--outcome", f"{step}={outcome}"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        return None, result.stderr.strip()
    return json.loads(result.stdout)["steps"], None


def engine_value(kind, value):
    if kind in ("money", "number"):
        return float(value)
    if kind == "yes_no":
        return value == "yes"
    return str(value)


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
        self.sent.append((params["step"], params["kind"], params["to"]))
        return "null"


def start_workflow(path, document, inputs):
    parser = SpiffBpmnParser()
    parser.add_bpmn_file(str(path))
    process = xml_id(document["process"]["name"])
    spec = parser.get_spec(process)
    subprocesses = parser.get_subprocess_specs(process)
    worker = NotificationWorker()
    workflow = BpmnWorkflow(spec, subprocesses, script_engine=PythonScriptEngine(environment=worker))
    workflow.notifications = worker.sent
    kinds = {i["name"]: i["type"]["kind"] for i in document["inputs"]}
    data = {name: engine_value(kinds[name], value) for name, value in inputs.items()}
    for task in workflow.get_tasks(state=TaskState.READY):
        task.data.update(data)
    workflow.do_engine_steps()
    return workflow


def spiff_run(path, document, inputs, outcomes):
    workflow = start_workflow(path, document, inputs)
    process = document["process"]["name"]
    steps = steps_of(document)
    used = {}
    reached = []
    seen = set()
    for _ in range(MAX_TASKS):
        ready = [t for t in workflow.get_tasks(state=TaskState.READY, manual=True)]
        for task in ready:
            if task.id not in seen and name_of(task.task_spec.name) in steps:
                seen.add(task.id)
                reached.append(name_of(task.task_spec.name))
        if not ready:
            break
        task = ready[0]
        name = name_of(task.task_spec.name)
        chosen = outcomes.get(name, [])
        count = used.get(name, 0)
        task.data["outcome"] = chosen[count] if count < len(chosen) else "next"
        used[name] = count + 1
        task.run()
        workflow.do_engine_steps()
    if not workflow.is_completed():
        raise AssertionError(f"{process}: SpiffWorkflow did not complete; reached {reached}")
    return reached


def spiff_notifications(path, document, inputs, step):
    """Runs the normal path until `step` is open, moves the clock a year on,
    and returns the notifications its boundary timers sent: (kind, group).
    Then runs the normal path on and fails unless the instance completes
    with no task left open (the notifications hold no token)."""
    workflow = start_workflow(path, document, inputs)
    for _ in range(MAX_TASKS):
        ready = workflow.get_tasks(state=TaskState.READY, manual=True)
        if any(name_of(task.task_spec.name) == step for task in ready):
            break
        if not ready:
            return None
        ready[0].data["outcome"] = "next"
        ready[0].run()
        workflow.do_engine_steps()
    VirtualClock.offset += timedelta(days=400)
    try:
        workflow.refresh_waiting_tasks()
        workflow.do_engine_steps()
    finally:
        VirtualClock.offset -= timedelta(days=400)
    found = sorted((kind, to) for (late, kind, to) in workflow.notifications if late == step)
    for _ in range(MAX_TASKS):
        ready = workflow.get_tasks(state=TaskState.READY, manual=True)
        if not ready:
            break
        ready[0].data["outcome"] = "next"
        ready[0].run()
        workflow.do_engine_steps()
    open_tasks = [t.task_spec.name for t in workflow.get_tasks(state=TaskState.NOT_FINISHED_MASK)]
    if not workflow.is_completed() or open_tasks:
        raise AssertionError(f"{step} late: the instance did not complete; open: {open_tasks}")
    return found


def sim_notifications(process, inputs, step):
    """The reminders and escalations `flowc sim` fires when `step` is late."""
    command = [FLOWC, "sim", EXAMPLES, "--process", process, "--format", "json",
               "--delay", f"{step}=1000bd"]
    for name, value in inputs.items():
        command += ["--set", f"{name}={value}"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    found = []
    for event in json.loads(result.stdout)["events"]:
        if event.get("step") != step:
            continue
        if event["kind"] == "reminder":
            found.append(("reminder", event["owner"]))
        elif event["kind"] == "escalation":
            found.append(("escalation", event["to"]))
    return sorted(found)


def timer_checks(process, document, path):
    """For each step with timers on the normal path: the notifications
    SpiffWorkflow opens when the step is a year late are those flowc sim
    reports for a late step."""
    inputs = next(vectors(document))
    expected_path, _ = flowc_sim(process, inputs, {})
    checks = failures = 0
    for node in document["nodes"]:
        step = node["id"]
        if node["kind"] != "step" or step not in (expected_path or []):
            continue
        if not node["reminders"] and not node["escalations"]:
            continue
        expected = sim_notifications(process, inputs, step)
        actual = spiff_notifications(path, document, inputs, step)
        checks += 1
        if actual != expected or not expected:
            failures += 1
            print(f"FAIL {process} timers of {step}")
            print(f"  flowc sim:     {expected}")
            print(f"  SpiffWorkflow: {actual}")
    return checks, failures


def unset_outcome_checks(process, document, path):
    """For each step with outcomes on the normal path: completing it without
    setting `outcome` (after earlier steps set it to `next`) raises an error
    naming the step and its allowed outcomes, and nothing advances."""
    inputs = next(vectors(document))
    expected_path, _ = flowc_sim(process, inputs, {})
    checks = failures = 0
    for node in document["nodes"]:
        step = node["id"]
        edges = [e for e in document["edges"] if e["from"] == step and e["kind"] in ("next", "outcome")]
        outcomes = sorted({e.get("outcome") or "next" for e in edges})
        if (node["kind"] != "step" or step not in (expected_path or [])
                or not any(e["kind"] == "outcome" for e in edges)):
            continue
        workflow = start_workflow(path, document, inputs)
        task = None
        for _ in range(MAX_TASKS):
            ready = workflow.get_tasks(state=TaskState.READY, manual=True)
            task = next((t for t in ready if name_of(t.task_spec.name) == step), None)
            if task is not None or not ready:
                break
            ready[0].data["outcome"] = "next"
            ready[0].run()
            workflow.do_engine_steps()
        checks += 1
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
            print(f"FAIL {process} {step} completed without an outcome: error {message!r}, ready {advanced}")
    return checks, failures


def main():
    documents = ir_documents()
    runs = failures = 0
    for process, document in documents.items():
        path = BPMN_DIR / f"{process}.bpmn"
        before = runs
        for inputs in vectors(document):
            for outcomes in outcome_scenarios(document):
                expected, error = flowc_sim(process, inputs, outcomes)
                if expected is None:
                    print(f"FAIL {process} {inputs} {outcomes}: flowc sim: {error}")
                    failures += 1
                    continue
                actual = spiff_run(path, document, inputs, outcomes)
                runs += 1
                if actual != expected:
                    failures += 1
                    print(f"FAIL {process} inputs={inputs} outcomes={outcomes}")
                    print(f"  flowc sim:     {expected}")
                    print(f"  SpiffWorkflow: {actual}")
        if runs == before:
            failures += 1
            print(f"FAIL {process}: no input vector was run")
    timer_runs = 0
    for process, document in documents.items():
        checks, failed = timer_checks(process, document, BPMN_DIR / f"{process}.bpmn")
        timer_runs += checks
        failures += failed
    unset_runs = 0
    for process, document in documents.items():
        checks, failed = unset_outcome_checks(process, document, BPMN_DIR / f"{process}.bpmn")
        unset_runs += checks
        failures += failed
    print(f"{runs} runs, {timer_runs} timer checks and {unset_runs} unset-outcome checks"
          f" over {len(documents)} processes, {failures} failures")
    if failures or runs == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
