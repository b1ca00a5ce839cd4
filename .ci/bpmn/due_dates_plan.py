"""When each business-day timer, due date and minimum period of a process
should end, as `flowc sim` reckons it over the working calendar, for many
start times: the plan the engine harnesses (due_dates.mjs for Zeebe's FEEL
through feelin, spiff_due_dates.py for SpiffWorkflow) check the emitted
BPMN against.

Usage: python due_dates_plan.py FLOWC PROJECT_DIR PROCESS UTC_OFFSET PLAN.json
(the process's JSON IR is built beside the plan, in PLAN.json.ir/)

UTC_OFFSET is the project's `[calendar] utc-offset` ("+08:00"): the
simulator's clock is the company's wall clock, the engines' clocks are UTC.

Each start time is simulated twice: once with every step taking 40
business days (so every reminder, escalation, overdue notice and timeout
fires), once with every step taking no time (so a step with a minimum
period is done as soon as it ends). A case is one element of the BPMN, the
instant its task opened (`now`, UTC) and the instant flowc sim says it
fires, falls due or ends (`expected`, UTC):

- `timer`: the boundary timer `STEP.remind.N`, `STEP.escalate.N`,
  `STEP.overdue.1` or `STEP.timeout` (N counts in the order they fire);
- `due`: the due date of the user task `STEP`;
- `minimum`: the end of the minimum period the script task `STEP.started`
  keeps.
"""

import json
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone

# Start times around the holidays and make-up working days of 2024-2026
# (Spring Festival, National Day, make-up Saturdays and Sundays), before
# opening, at closing, at night, on a weekend, into a year no notice covers.
CHOSEN_STARTS = [
    "2024-02-08T09:00", "2024-02-04T10:30", "2024-09-29T16:59", "2024-09-30T17:00",
    "2025-01-26T14:00", "2025-01-27T08:00", "2025-04-30T16:45", "2025-09-30T09:00",
    "2025-10-11T11:00", "2026-02-13T17:00", "2026-02-14T09:00", "2026-09-30T09:00",
    "2026-10-01T10:00", "2026-10-10T12:00", "2026-12-31T08:00", "2026-03-07T10:00",
    "2026-06-18T23:30", "2026-03-04T11:11",
]
RANDOM_STARTS = 30


def starts():
    """The chosen start times and random ones (a fixed seed) in 2024-2026."""
    rng = random.Random(20261007)
    first = datetime(2024, 1, 1)
    minutes = 3 * 365 * 24 * 60
    drawn = [
        (first + timedelta(minutes=rng.randrange(minutes))).strftime("%Y-%m-%dT%H:%M")
        for _ in range(RANDOM_STARTS)
    ]
    return CHOSEN_STARTS + drawn


def simulate(flowc, project, process, start, delay):
    """flowc sim's events for one start, every step taking `delay`."""
    command = [flowc, "sim", project, "--process", process, "--start", start, "--format", "json", "--lang", "en"]
    steps = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)["steps"]
    for step in steps:
        command += ["--delay", f"{step}={delay}"]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)["events"]


def minimum_steps(flowc, project, process, ir_dir):
    """The steps of the process with a minimum period, from its JSON IR."""
    subprocess.run([flowc, "build", project, "--out", ir_dir, "--emit", "json"], check=True, capture_output=True)
    with open(f"{ir_dir}/{process}.json") as ir:
        return {node["id"] for node in json.load(ir)["nodes"] if node.get("minimum")}


def cases_of(events, offset):
    """The cases one simulated timeline gives."""
    def utc(local):
        return (datetime.fromisoformat(local) - offset).replace(tzinfo=timezone.utc).isoformat()

    entered = {}
    counts = {}
    cases = []
    for event in events:
        kind, step = event["kind"], event.get("step")
        if kind == "step_entered":
            entered[step] = event["at"]
            counts = {key: value for key, value in counts.items() if key[0] != step}
            if "due" in event:
                cases.append({"kind": "due", "element": step, "now": utc(event["at"]), "expected": utc(event["due"])})
            continue
        element = None
        if kind == "reminder":
            counts[(step, "remind")] = counts.get((step, "remind"), 0) + 1
            element = f"{step}.remind.{counts[(step, 'remind')]}"
        elif kind == "escalation":
            counts[(step, "escalate")] = counts.get((step, "escalate"), 0) + 1
            element = f"{step}.escalate.{counts[(step, 'escalate')]}"
        elif kind == "notified" and event.get("when") == "overdue":
            element = f"{step}.overdue.1"
        elif kind == "timed_out":
            element = f"{step}.timeout"
        if element:
            cases.append({"kind": "timer", "element": element, "now": utc(entered[step]), "expected": utc(event["at"])})
    return cases


def minimum_cases(events, offset, minimum_steps):
    """The end of each minimum period: when a step that takes no time is done."""
    def utc(local):
        return (datetime.fromisoformat(local) - offset).replace(tzinfo=timezone.utc).isoformat()

    entered = {}
    cases = []
    for event in events:
        if event["kind"] == "step_entered":
            entered[event["step"]] = event["at"]
        elif event["kind"] == "step_completed" and event["step"] in minimum_steps:
            cases.append({
                "kind": "minimum",
                "element": f"{event['step']}.started",
                "now": utc(entered[event["step"]]),
                "expected": utc(event["at"]),
            })
    return cases


def main():
    flowc, project, process, utc_offset, out = sys.argv[1:6]
    sign = -1 if utc_offset.startswith("-") else 1
    hours, minutes = utc_offset.lstrip("+-").split(":")
    offset = sign * timedelta(hours=int(hours), minutes=int(minutes))
    with_minimum = minimum_steps(flowc, project, process, out + ".ir")
    cases = []
    for start in starts():
        cases += cases_of(simulate(flowc, project, process, start, "40bd"), offset)
        cases += minimum_cases(simulate(flowc, project, process, start, "0 minutes"), offset, with_minimum)
    with open(out, "w") as plan:
        json.dump({"process": process, "starts": len(starts()), "cases": cases}, plan, indent=1)
    kinds = {kind: sum(1 for case in cases if case["kind"] == kind) for kind in ("timer", "due", "minimum")}
    print(f"due-date plan: {len(cases)} cases from {len(starts())} start times {kinds}")
    if not all(kinds.values()):
        sys.exit("expected timers, due dates and minimum periods among the cases")


if __name__ == "__main__":
    main()
