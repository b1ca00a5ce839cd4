"""The spiff dialect's business-day timers and minimum periods against
flowc sim: SpiffWorkflow parses the BPMN, its script engine evaluates each
timer's timeDate expression and runs each minimum period's script with
its timers' clock at the instant the task opened, and SpiffWorkflow reads
the result as its timers do; it must be the instant flowc sim reckons over
the working calendar, for every case of the plan due_dates_plan.py wrote.

Usage: python spiff_due_dates.py PLAN.json PROCESS.bpmn

(Due dates are Zeebe's `zeebe:taskSchedule`; the spiff dialect keeps a
task's deadline as the properties `deadline` and `dueIn`, so its cases are
the timers and minimum periods.)
"""

import json
import sys
from datetime import datetime

import SpiffWorkflow.bpmn.specs.event_definitions.timer as spiff_timer
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimeDateEventDefinition, TimerEventDefinition
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser

from differential_scenarios import xml_id


class StoppedClock(datetime):
    """The clock SpiffWorkflow's timers read, stopped at `instant`."""

    instant = None

    @classmethod
    def now(cls, tz=None):
        return cls.instant.astimezone(tz)


spiff_timer.datetime = StoppedClock


def task_specs(path, process):
    parser = SpiffBpmnParser()
    parser.add_bpmn_file(path)
    return parser.get_spec(xml_id(process)).task_specs


def end_of(spec, case, engine):
    """What SpiffWorkflow makes of the case's expression, as an instant."""
    if case["kind"] == "timer":
        definition = spec.event_definition
        if not isinstance(definition, TimeDateEventDefinition):
            raise AssertionError(f"{case['element']} is a {type(definition).__name__}, not a TimeDate timer")
        return TimerEventDefinition.parse_time_or_duration(engine.environment.evaluate(definition.expression, {}))
    context = {}
    engine.environment.execute(spec.script, context)
    values = [value for key, value in context.items() if key.endswith("_minimum_until")]
    if len(values) != 1:
        raise AssertionError(f"{case['element']} set {sorted(context)}, not one *_minimum_until")
    return TimerEventDefinition.get_datetime(values[0])


def main():
    plan_path, bpmn_path = sys.argv[1:3]
    with open(plan_path) as file:
        plan = json.load(file)
    specs = task_specs(bpmn_path, plan["process"])
    engine = PythonScriptEngine()
    counts = {"timer": 0, "minimum": 0}
    failures = 0
    for case in plan["cases"]:
        if case["kind"] == "due":
            continue
        StoppedClock.instant = datetime.fromisoformat(case["now"])
        got = end_of(specs[xml_id(case["element"])], case, engine)
        counts[case["kind"]] += 1
        if got != datetime.fromisoformat(case["expected"]):
            failures += 1
            print(f"FAIL {case['kind']} {case['element']} from {case['now']}: SpiffWorkflow gives {got.isoformat()}, flowc sim {case['expected']}")
    print(f"SpiffWorkflow: {sum(counts.values())} business-day ends over {plan['starts']} start times {counts}, {failures} failures")
    if failures or not all(counts.values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
