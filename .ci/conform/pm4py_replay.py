"""PM4Py's token-based replay of an XES log against the BPMN flowc emits.

    pm4py_replay.py BPMN XES

Shared by .ci/conform/pm4py_compare.py (the per-case comparison with
`flowc conform`) and benches/conform-compare.sh (the timing): PM4Py reads
the BPMN, converts it to a Petri net and replays the log's `complete`
events. Run alone, it prints the number of cases and of fitting cases.
"""

import os
import sys
import tempfile
from xml.etree import ElementTree

os.environ.setdefault("TQDM_DISABLE", "1")  # no progress bars (read when tqdm loads)
import pm4py  # noqa: E402
from pm4py.objects.bpmn.obj import BPMN  # noqa: E402

BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"


def petri_net(bpmn_file):
    """The Petri net of the BPMN, as PM4Py converts it, after three changes
    that PM4Py's converter needs (docs/monitoring-pm4py.md):

    - user tasks are labelled with their ids, the step names the log uses
      (flowc writes a step's label as the task's name);
    - a call activity, which PM4Py does not read, becomes a task labelled
      with its id (the log has the call as one activity, named after it);
      the script tasks flowc adds for the engine (the end a called process
      reached, the start of a minimum period) become silent transitions;
    - the engine's own tasks that end a branch (notifications, reminders,
      escalations: no log has them) are left out with their end events:
      PM4Py joins every end event in one sink place, so a notification
      sent in parallel with the case's end would leave a second token;
    - an embedded subprocess (flowc's parallel blocks) is flattened into
      its parent, as PM4Py converts no subprocess.
    """
    bpmn = pm4py.read_bpmn(str(readable(bpmn_file)))
    for node in list(bpmn.get_nodes()):
        if isinstance(node, BPMN.UserTask):
            node.set_name(node.get_id())
        elif isinstance(node, BPMN.Task) and node.get_name() and all(
            isinstance(target, BPMN.EndEvent) for target in successors(bpmn, node)
        ):
            for end in successors(bpmn, node):
                reconnect(bpmn, end, [])
            reconnect(bpmn, node, [])
    caught = caught_errors(bpmn_file)
    for subprocess in [node for node in bpmn.get_nodes() if isinstance(node, BPMN.SubProcess)]:
        flatten(bpmn, subprocess, caught)
    return pm4py.convert_to_petri_net(bpmn)


def readable(bpmn_file):
    """A copy of the BPMN that PM4Py reads whole: call activities as tasks
    named after their ids, flowc's script tasks without a name (silent)."""
    ElementTree.register_namespace("bpmn", BPMN_NS)
    tree = ElementTree.parse(bpmn_file)
    for element in tree.iter():
        if element.tag == f"{{{BPMN_NS}}}callActivity":
            element.tag = f"{{{BPMN_NS}}}task"
            element.set("name", element.get("id"))
        elif element.tag == f"{{{BPMN_NS}}}scriptTask":
            element.set("name", "")
    handle, path = tempfile.mkstemp(suffix=".bpmn")
    os.close(handle)
    tree.write(path, xml_declaration=True, encoding="UTF-8")
    return path


def caught_errors(bpmn_file):
    """Error end event id -> the id of the boundary event that catches its
    error (a rejection inside a parallel block goes back to rework)."""
    tree = ElementTree.parse(bpmn_file)
    thrown, catching = {}, {}
    for element in tree.iter():
        for definition in element:
            if definition.tag == f"{{{BPMN_NS}}}errorEventDefinition":
                error = definition.get("errorRef")
                if element.tag == f"{{{BPMN_NS}}}endEvent":
                    thrown[element.get("id")] = error
                elif element.tag == f"{{{BPMN_NS}}}boundaryEvent":
                    catching[error] = element.get("id")
    return {end: catching[error] for end, error in thrown.items() if error in catching}


def reconnect(bpmn, node, targets):
    """Removes `node`, its flows in flowing on to `targets` instead."""
    flows = list(bpmn.get_flows())
    sources = [flow.get_source() for flow in flows if flow.get_target() == node]
    for flow in flows:
        if node in (flow.get_source(), flow.get_target()):
            bpmn.remove_flow(flow)
    for source in sources:
        for target in targets:
            bpmn.add_flow(BPMN.SequenceFlow(source, target))
    bpmn.remove_node(node)


def successors(bpmn, node):
    """The nodes `node` flows to."""
    return [flow.get_target() for flow in bpmn.get_flows() if flow.get_source() == node]


def flatten(bpmn, subprocess, caught):
    """Replaces `subprocess` by its content: what flowed into it flows to
    what follows its start event, what flowed into its end event flows to
    what follows the subprocess, and what flowed into an error end event
    flows to what follows the boundary event that catches the error (the
    other branches' tokens stay: a Petri net cannot cancel them)."""
    nodes = {node.get_id(): node for node in bpmn.get_nodes()}
    inside = [node for node in nodes.values() if node.get_process() == subprocess.get_id()]
    for node in inside:
        if isinstance(node, BPMN.StartEvent):
            start_targets = successors(bpmn, node)
            reconnect(bpmn, node, [])
            for flow in [flow for flow in bpmn.get_flows() if flow.get_target() == subprocess]:
                for target in start_targets:
                    bpmn.add_flow(BPMN.SequenceFlow(flow.get_source(), target))
        elif isinstance(node, BPMN.EndEvent) and node.get_id() in caught:
            boundary = nodes[caught[node.get_id()]]
            reconnect(bpmn, node, successors(bpmn, boundary))
        elif isinstance(node, BPMN.EndEvent):
            reconnect(bpmn, node, successors(bpmn, subprocess))
    for boundary in [node for node in nodes.values()
                     if isinstance(node, BPMN.ErrorBoundaryEvent)
                     and node.get_activity() == subprocess.get_id()]:
        reconnect(bpmn, boundary, [])
    reconnect(bpmn, subprocess, [])


def completed_events(log_file):
    """The log as PM4Py reads it, keeping `complete` events (flowc's
    generated logs also mark when a case was opened with a `start` event of
    its first step), as an event log: PM4Py's results come in its traces'
    order."""
    log = pm4py.read_xes(str(log_file))
    return pm4py.convert_to_event_log(log[log["lifecycle:transition"] == "complete"])


def token_replay(bpmn_file, log):
    """Per case (in the log's order), PM4Py's token-based replay result."""
    net, initial, final = petri_net(bpmn_file)
    return pm4py.conformance_diagnostics_token_based_replay(log, net, initial, final)


def main():
    bpmn_file, log_file = sys.argv[1], sys.argv[2]
    replayed = token_replay(bpmn_file, completed_events(log_file))
    fitting = sum(1 for case in replayed if case["trace_is_fit"])
    print(f"PM4Py token-based replay: {len(replayed)} cases, {fitting} perfectly fitting")


if __name__ == "__main__":
    main()
