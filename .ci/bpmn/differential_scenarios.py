"""The scenarios of the engine differential tests and what `flowc sim`
says for each, shared by every engine harness.

Usage: python differential_scenarios.py FLOWC PROJECT_DIR IR_DIR PLAN.json
(writes the plan as JSON for the harnesses in other languages; the
SpiffWorkflow harness imports `plan` directly).

For each process the input vectors are built from its decisions: every
threshold of a money or number comparison gives its boundary values (the
threshold itself and the next cent above and below), every date the day
before, the day and the day after, every text its value and another, every
`one of` and `yes/no` input each of its values. A plan holds, per process:

- `runs`: each vector on the normal path and once per outcome of each step
  (taken on the step's first visit), with the `steps` of
  `flowc sim --format json` for the same inputs and outcomes;
- `timer_checks`: each step with reminders or escalations on the normal
  path of the first vector, with the notifications (kind, addressee)
  `flowc sim --delay STEP=1000bd` fires for it;
- `unset_outcome_checks`: each step with outcomes on the normal path of the
  first vector, with its allowed outcomes (`next` among them when it has a
  normal path).

Inputs are given twice: `sim` as `flowc sim --set` takes them, `engine` as
an engine holds them (money and numbers as numbers, yes/no as booleans,
dates and texts as text).
"""

import itertools
import json
import re
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path


def xml_id(name):
    """The BPMN id of a name (docs/bpmn.md): non-ASCII characters as _xHHHH_."""
    return "".join(
        c if (c.isascii() and (c.isalnum() or c in "_.-")) else f"_x{ord(c):04X}_" for c in name
    )


def name_of(xml_id):
    """The name a BPMN id stands for."""
    return re.sub(r"_x([0-9A-F]{4,6})_", lambda m: chr(int(m.group(1), 16)), xml_id)


def ir_documents(flowc, project, ir_dir):
    """The JSON IR of every process of the project, by file stem."""
    subprocess.run(
        [flowc, "build", project, "--out", str(ir_dir), "--emit", "json"],
        check=True,
        capture_output=True,
    )
    return {path.stem: json.loads(path.read_text()) for path in sorted(Path(ir_dir).glob("*.json"))}


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


def by_id(document):
    return {node["id"]: node for node in document["nodes"]}


def steps_of(document):
    return {node["id"] for node in document["nodes"] if node["kind"] == "step"}


def engine_value(kind, value):
    if kind in ("money", "number"):
        return float(value)
    if kind == "yes_no":
        return value == "yes"
    return str(value)


# The people the starter passes (docs/bpmn.md, "People"): the applicant and
# the user ids up their reporting line, direct superior first.
APPLICANT = "u-applicant"
APPLICANT_MANAGERS = ["u-manager-1", "u-manager-2", "u-manager-3"]
DEFAULT_CHAIN = {"applicant": APPLICANT, "applicant_managers": APPLICANT_MANAGERS}


def engine_inputs(document, inputs):
    kinds = {i["name"]: i["type"]["kind"] for i in document["inputs"]}
    values = {name: engine_value(kinds[name], value) for name, value in inputs.items()}
    values.update(applicant=APPLICANT, applicant_managers=list(APPLICANT_MANAGERS))
    return values


def multi_signer_steps(document):
    """The `all of` and `N of` steps: {step: [signers, required]}."""
    return {
        node["id"]: [len(node["owners"]), node["signing"]["required"]]
        for node in document["nodes"]
        if node["kind"] == "step" and (node.get("signing") or {}).get("mode") in ("all_of", "quorum")
    }


def sim_command(flowc, project, process, inputs):
    command = [flowc, "sim", project, "--process", process, "--format", "json"]
    for name, value in inputs.items():
        command += ["--set", f"{name}={value}"]
    return command


def flowc_sim(flowc, project, process, inputs, outcomes):
    """The steps `flowc sim` reaches, or None and its error."""
    command = sim_command(flowc, project, process, inputs)
    for step, chosen in outcomes.items():
        for outcome in chosen:
            command += ["--outcome", f"{step}={outcome}"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        return None, result.stderr.strip()
    return json.loads(result.stdout)["steps"], None


def sim_notifications(flowc, project, process, inputs, step):
    """The reminders and escalations `flowc sim` fires when `step` is late."""
    command = sim_command(flowc, project, process, inputs) + ["--delay", f"{step}=1000bd"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    found = []
    for event in json.loads(result.stdout)["events"]:
        if event.get("step") != step:
            continue
        if event["kind"] == "reminder":
            found.append(["reminder", event["owner"]])
        elif event["kind"] == "escalation":
            found.append(["escalation", event["to"]])
    return sorted(found)


def superiors(document, role):
    """The roles above `role` by the reporting lines, nearest first."""
    by_name = {r["name"]: r for r in document["roles"]}
    line = []
    current = by_name.get(role, {}).get("reports_to")
    while current and current not in line:
        line.append(current)
        current = by_name.get(current, {}).get("reports_to")
    return line


def applicant_roles(document):
    """The roles that may apply: the process's `applicant` line, with
    departments expanded to their roles."""
    roles = []
    for unit in document["process"].get("applicants") or []:
        if unit["kind"] == "role":
            roles.append(unit["name"])
        else:
            roles += [r["name"] for r in document["roles"] if r["department"] == unit["name"]]
    return roles


def chain_of(document, role):
    """The people a starter passes when someone holding `role` applies: one
    user per role up the line, named after it."""
    return {"applicant": f"u-{role}", "applicant_managers": [f"u-{r}" for r in superiors(document, role)]}


def who(document, party, chain):
    """Who a party is for the applicant line `chain`: {groups, users}, or
    None when the line is too short (flowc check reports it)."""
    base, levels = party["base"], party["managers"]
    if base["kind"] == "applicant":
        if levels == 0:
            return {"groups": [], "users": [chain["applicant"]]}
        managers = chain["applicant_managers"]
        return {"groups": [], "users": [managers[levels - 1]]} if levels <= len(managers) else None
    name = base["name"]
    if base["kind"] == "role" and levels:
        line = superiors(document, name)
        name = line[levels - 1] if levels <= len(line) else None
    return {"groups": [name], "users": []} if name else None


def assignees(document, node, chain):
    """Who gets the tasks of a step: one {groups, users} for the task, or
    one per signer of a multi-signer step; None if a party has nobody."""
    each = [who(document, party, chain) for party in node["owners"]]
    if any(one is None for one in each):
        return None
    if node["id"] in multi_signer_steps(document):
        return sorted(each, key=json.dumps)
    merged = {"groups": [], "users": []}
    for one in each:
        for key in merged:
            merged[key] += [value for value in one[key] if value not in merged[key]]
    return [merged]


def assignment_cases(document, first_engine, normal_path):
    """One case per applicant role (a case without applicant roles uses the
    default line): the line the starter passes and who gets each step of
    the normal path."""
    roles = applicant_roles(document) or [None]
    cases = []
    for role in roles:
        chain = chain_of(document, role) if role else dict(DEFAULT_CHAIN)
        expected = {}
        for node in document["nodes"]:
            if node["kind"] == "step" and node["id"] in normal_path and node["owners"]:
                found = assignees(document, node, chain)
                if found is not None:
                    expected[node["id"]] = found
        cases.append({"applicant_role": role, "engine": {**first_engine, **chain}, "expected": expected})
    return cases


def vote_patterns(signers, required, can_reject):
    """Votes to try on a multi-signer step, in the order signers vote, with
    the step's outcome and after how many votes it is decided (when
    `required` approvals are in or can no longer be reached)."""
    against = signers - required

    def decided(votes):
        approvals = rejections = 0
        for count, vote in enumerate(votes, 1):
            approvals += vote == "next"
            rejections += vote != "next"
            if approvals >= required:
                return "next", count
            if rejections > against:
                return "reject", count
        return None, len(votes)

    patterns = [["next"] * signers]
    if can_reject:
        patterns.append(["next"] * required + ["reject"] * against)
        patterns.append(["reject"] * (against + 1) + ["next"] * (required - 1))
        patterns.append(["next"] + ["reject"] + ["next"] * (signers - 2))
    unique = []
    for votes in patterns:
        if votes not in [p["votes"] for p in unique]:
            outcome, after = decided(votes)
            unique.append({"votes": votes, "outcome": outcome, "decided_after": after})
    return unique


def notification_expectations(document, path, outcomes):
    """The notifications (step, when, to) a run along `path` sends when
    nothing is late: `started` for every step reached, `done` for every
    step completed on its normal path, `rejected` for a step given an
    outcome other than next."""
    by_id = {node["id"]: node for node in document["nodes"]}
    expected = []
    for step in path:
        rejected = bool(outcomes.get(step))
        for notification in by_id[step]["notifications"]:
            when = notification["when"]
            if when == "started" or when == ("rejected" if rejected else "done"):
                person = who(document, notification["to"], DEFAULT_CHAIN)
                recipient = person["users"][0] if person and person["users"] else None
                expected.append([step, when, notification["to"]["text"], recipient])
    return sorted(expected)


def plan_of(flowc, project, process, document):
    """The scenarios of one process and what `flowc sim` says for each."""
    runs = []
    for inputs in vectors(document):
        for outcomes in outcome_scenarios(document):
            expected, error = flowc_sim(flowc, project, process, inputs, outcomes)
            runs.append({
                "sim": {name: str(value) for name, value in inputs.items()},
                "engine": engine_inputs(document, inputs),
                "outcomes": outcomes,
                "expected": expected,
                "sim_error": error,
            })
    first = next(vectors(document))
    normal_path, _ = flowc_sim(flowc, project, process, first, {})
    normal_path = normal_path or []
    timer_checks = []
    unset_outcome_checks = []
    for node in document["nodes"]:
        step = node["id"]
        if node["kind"] != "step" or step not in normal_path:
            continue
        if node["reminders"] or node["escalations"]:
            timer_checks.append({
                "step": step,
                "expected": sim_notifications(flowc, project, process, first, step),
            })
        edges = [e for e in document["edges"] if e["from"] == step and e["kind"] in ("next", "outcome")]
        if any(e["kind"] == "outcome" for e in edges) and step not in multi_signer_steps(document):
            unset_outcome_checks.append({
                "step": step,
                "outcomes": sorted({e.get("outcome") or "next" for e in edges}),
            })
    first_engine = engine_inputs(document, first)
    signing_checks = []
    for step, (signers, required) in multi_signer_steps(document).items():
        if step not in normal_path:
            continue
        can_reject = any(e["from"] == step and e["kind"] == "outcome" and e["outcome"] == "reject"
                         for e in document["edges"])
        for pattern in vote_patterns(signers, required, can_reject):
            outcomes = {step: ["reject"]} if pattern["outcome"] == "reject" else {}
            expected, _ = flowc_sim(flowc, project, process, first, outcomes)
            signing_checks.append({"step": step, "all_of": signers == required, **pattern, "expected": expected})
    notification_checks = []
    notifying = [n["id"] for n in document["nodes"] if n["kind"] == "step" and n["notifications"]]
    if notifying:
        notification_checks.append({"outcomes": {}, "expected_path": normal_path,
                                    "expected": notification_expectations(document, normal_path, {})})
        for step in notifying:
            if step in normal_path and any(n["when"] == "rejected" for n in by_id(document)[step]["notifications"]):
                outcomes = {step: ["reject"]}
                path, _ = flowc_sim(flowc, project, process, first, outcomes)
                notification_checks.append({"outcomes": outcomes, "expected_path": path,
                                            "expected": notification_expectations(document, path, outcomes)})
    return {
        "process": process,
        "bpmn_id": xml_id(document["process"]["name"]),
        "assignment_cases": assignment_cases(document, first_engine, normal_path),
        "signing_checks": signing_checks,
        "notification_checks": notification_checks,
        "notifying": notifying,
        "steps": sorted(steps_of(document)),
        "branch_steps": sorted(e["to"] for e in document["edges"] if e["kind"] == "branch"),
        "staff": [[role["name"], role.get("department") or ""] for role in document["roles"]],
        "multi_signer": multi_signer_steps(document),
        "first_inputs": {
            "sim": {name: str(value) for name, value in first.items()},
            "engine": engine_inputs(document, first),
        },
        "runs": runs,
        "timer_checks": timer_checks,
        "unset_outcome_checks": unset_outcome_checks,
    }


def system_constructs(document):
    """What of processes as one system the process uses: calls, recorded
    values, two-value comparisons, minimum periods, timeouts. The runs
    planned here set inputs and outcomes only (no recorded values, no
    clock, no called process), so such a process has no plan here; the
    examples that use them are run by spiff_system.py and
    bpmn_engine_system.mjs (with `flowc sim` too)."""
    used = set()
    for node in document["nodes"]:
        if node["kind"] == "call":
            used.add("call")
        if node.get("records"):
            used.add("record")
        if node.get("minimum"):
            used.add("at least")
    for edge in document["edges"]:
        if edge["kind"] == "timeout":
            used.add("timeout")
        if edge["kind"] == "condition" and any(
            c["value"]["kind"] == "reference" for c in comparisons(edge["condition"], [])
        ):
            used.add("two-value comparison")
    return sorted(used)


def plan(flowc, project, ir_dir):
    """The plan of every process of the project but those using what these
    runs do not drive ([`system_constructs`]), and those left out with what
    they use."""
    documents = ir_documents(flowc, project, ir_dir)
    plans, left_out = [], {}
    for process, document in documents.items():
        used = system_constructs(document)
        if used:
            left_out[process] = used
        else:
            plans.append(plan_of(flowc, project, process, document))
    return plans, left_out


def main():
    flowc, project, ir_dir, out = sys.argv[1:5]
    plans, left_out = plan(flowc, project, ir_dir)
    Path(out).write_text(json.dumps(plans, ensure_ascii=False, indent=1))
    runs = sum(len(p["runs"]) for p in plans)
    print(f"planned {runs} runs over {len(plans)} processes: {out}")
    for process, used in left_out.items():
        print(f"  {process} left to spiff_system.py and bpmn_engine_system.mjs (it uses {', '.join(used)})")


if __name__ == "__main__":
    main()
