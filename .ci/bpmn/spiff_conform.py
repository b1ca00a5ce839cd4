"""Against a real engine: the event log of every SpiffWorkflow instance the
differential runs is checked with `flowc conform`.

Usage: python spiff_conform.py PLAN.json BPMN_DIR FLOWC PROJECT OUT_DIR

For every process of the plan, every run of the differential (the input
vectors and outcomes `flowc sim` predicts a path for) and every
assignment case (one per applicant role, with the people the starter
passes) is run in SpiffWorkflow; each completed user task becomes an event
(the step, a virtual time 30 minutes after the one before, the person it
was for, its outcome). `flowc conform` must find every instance
conforming (no deviation, no late step), and must find the deviation in
copies of one instance where a step was removed, two steps were swapped, a
step was done by someone of another role, or a deadline was missed.
"""

import csv
import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from spiff_differential import per_visit, run, start_workflow, step_of, who_of

PLAN, BPMN_DIR, FLOWC, PROJECT, OUT = (
    Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4], Path(sys.argv[5]))
START = datetime.fromisoformat("2026-01-05T09:00:00+08:00")
CONTROL_FLOW = {"skipped", "out-of-order", "repeated", "wrong-path"}
MUTATIONS = {"removed": CONTROL_FLOW, "swapped": CONTROL_FLOW, "other-role": {"wrong-owner"}, "late": {"late"}}


def person_of(process_plan, who):
    """The person of the staff directory a task was for: `u-ROLE` for a
    role or a user id the starter passed for a role; `None` for the
    differential's stand-in people (u-applicant, u-manager-N)."""
    roles = {role for role, _ in process_plan["staff"]}
    for user in who["users"]:
        if user and user.removeprefix("u-") in roles:
            return user
    for group in who["groups"]:
        if group in roles:
            return f"u-{group}"
        members = [role for role, department in process_plan["staff"] if department == group]
        if members:
            return f"u-{members[0]}"
    return None


def instance_events(path, process_plan, engine, outcomes):
    """The events of one SpiffWorkflow instance: (step, person, outcome, groups)."""
    workflow = start_workflow(path, process_plan, engine)
    events = []

    def on_complete(task):
        who = who_of(workflow, task)
        events.append((step_of(task), person_of(process_plan, who), task.data["outcome"], who["groups"]))

    run(workflow, process_plan, per_visit(outcomes), on_complete=on_complete)
    if not workflow.is_completed():
        raise AssertionError(f"{process_plan['process']}: the instance did not complete")
    return events


def cases_of(path, process_plan):
    """Every instance of the process as a case: (id, attributes, events)."""
    cases = []
    for number, planned in enumerate(process_plan["runs"]):
        if planned["expected"] is None:
            continue
        events = instance_events(path, process_plan, planned["engine"], planned["outcomes"])
        cases.append((f"run-{number + 1}", dict(planned["sim"]), events))
    for number, case in enumerate(process_plan["assignment_cases"]):
        if case["applicant_role"] is None:
            continue
        events = instance_events(path, process_plan, case["engine"], {})
        attributes = dict(process_plan["first_inputs"]["sim"], applicant=case["engine"]["applicant"])
        cases.append((f"people-{number + 1}", attributes, events))
    return cases


def rows_of(case, shift=None):
    """The log rows of a case; `shift` (from event index, days) delays events
    (120 days: past any deadline of the fixtures, a month included)."""
    case_id, attributes, events = case
    rows = []
    for index, (step, person, outcome, _groups) in enumerate(events):
        at = START + timedelta(minutes=30 * (index + 1))
        if shift is not None and index >= shift[0]:
            at += timedelta(days=shift[1])
        row = {"case": case_id, "activity": step, "timestamp": at.isoformat(),
               "resource": person or "", "outcome": outcome}
        if index == 0:
            row.update(attributes)
        rows.append(row)
    return rows


def write_log(path, rows, inputs):
    columns = ["case", "activity", "timestamp", "resource", "outcome", "applicant", *inputs]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def conform(process, log, staff):
    result = subprocess.run(
        [FLOWC, "conform", PROJECT, "--process", process, "--log", str(log), "--staff", str(staff),
         "--format", "json", "--fail-on", "deviation", "--fail-on", "late"],
        capture_output=True, text=True)
    if result.returncode == 2:
        raise AssertionError(f"{process}: flowc conform could not run: {result.stderr}")
    return result.returncode, json.loads(result.stdout)


def mutated(process_plan, case, kind):
    """A copy of the case with one deviation of `kind`, or None when the case
    has no place for it."""
    case_id, attributes, events = case
    events = list(events)
    branches = set(process_plan["branch_steps"])
    once = [step for step, *_ in events]
    if kind == "removed":
        candidates = [i for i in range(1, len(events) - 1) if once.count(events[i][0]) == 1]
        if not candidates:
            return None
        del events[candidates[0]]
    elif kind == "swapped":
        candidates = [i for i in range(len(events) - 1)
                      if events[i][0] != events[i + 1][0]
                      and once.count(events[i][0]) == 1 and once.count(events[i + 1][0]) == 1
                      and not (events[i][0] in branches and events[i + 1][0] in branches)]
        if not candidates:
            return None
        i = candidates[0]
        events[i], events[i + 1] = events[i + 1], events[i]
    elif kind == "other-role":
        for i, (step, person, outcome, groups) in enumerate(events):
            if person is None or i == 0:
                continue
            others = [role for role, _ in process_plan["staff"]
                      if f"u-{role}" != person and role not in groups]
            if others:
                events[i] = (step, f"u-{others[0]}", outcome, groups)
                return (case_id, attributes, events)
        return None
    elif kind == "late":
        if len(events) < 2:
            return None
        return (case_id, attributes, events), (1, 120)
    return (case_id, attributes, events)


def main():
    plans = json.loads(PLAN.read_text())
    OUT.mkdir(parents=True, exist_ok=True)
    failures = cases_checked = processes = 0
    found = {kind: 0 for kind in MUTATIONS}
    for process_plan in plans:
        process = process_plan["process"]
        path = BPMN_DIR / f"{process}.bpmn"
        cases = cases_of(path, process_plan)
        if not cases:
            print(f"FAIL {process}: no instance was run")
            failures += 1
            continue
        inputs = sorted({name for _, attributes, _ in cases for name in attributes} - {"applicant"})
        staff = OUT / f"{process}.staff.csv"
        staff.write_text("person,role,department\n" + "".join(
            f"u-{role},{role},{department}\n" for role, department in process_plan["staff"]))
        log = OUT / f"{process}.csv"
        write_log(log, [row for case in cases for row in rows_of(case)], inputs)
        code, report = conform(process, log, staff)
        cases_checked += report["cases"]
        processes += 1
        if code != 0 or report["cases"] != len(cases):
            failures += 1
            print(f"FAIL {process}: the engine's log does not conform:")
            for finding in report["findings"][:5]:
                print(f"  {finding['case']}: {finding['kind']}: {finding['message']}")
        target = next((case for case in cases if len(case[2]) >= 3), cases[0])
        for kind, expected in MUTATIONS.items():
            copy = mutated(process_plan, target, kind)
            if copy is None:
                continue
            shift = None
            if kind == "late":
                copy, shift = copy
            mutated_log = OUT / f"{process}.{kind}.csv"
            write_log(mutated_log, rows_of(copy, shift), inputs)
            _, report = conform(process, mutated_log, staff)
            kinds = {f["kind"] for f in report["findings"] if f["case"] == copy[0]}
            if kinds & expected:
                found[kind] += 1
            else:
                failures += 1
                print(f"FAIL {process}: a {kind} copy of {copy[0]} was not found ({sorted(kinds)})")
    print(f"flowc conform on SpiffWorkflow's logs: {cases_checked} instances of {processes} processes"
          f" conform; mutated copies found: {found}; {failures} failures")
    if failures or processes != len(plans) or any(count == 0 for count in found.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
