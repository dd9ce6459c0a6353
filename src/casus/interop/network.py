"""The actor network as a graph file Gephi opens: GraphML or GEXF, written by networkx.

Nodes are actors (name, CAMEO code, country, role); a directed edge source -> target
aggregates every event between them: how many, mean and summed Goldstein score, counts
per QuadClass, CAMEO roots seen, first and last event date.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx


def _node_id(party: dict[str, Any]) -> str | None:
    return party.get("actor_id") or (f"code:{party['code']}" if party.get("code") else None)


def build_graph(records: Iterable[dict[str, Any]]) -> nx.DiGraph:
    graph = nx.DiGraph()
    for event in records:
        source, target = event.get("source"), event.get("target")
        if not source or not target:
            continue
        a, b = _node_id(source), _node_id(target)
        if a is None or b is None or a == b:
            continue
        for node, party in ((a, source), (b, target)):
            if node not in graph:
                attrs = {"label": party.get("name") or party.get("text") or node,
                         "code": party.get("code"), "country": party.get("country"),
                         "role": party.get("role")}
                graph.add_node(node, **{k: v for k, v in attrs.items() if v is not None})
        if not graph.has_edge(a, b):
            graph.add_edge(a, b, events=0, goldstein_sum=0.0, quad1=0, quad2=0, quad3=0,
                           quad4=0, roots=set(), dates=[])
        edge = graph.edges[a, b]
        edge["events"] += 1
        edge["goldstein_sum"] += float(event["goldstein"])
        edge[f"quad{event['quad_class']}"] += 1
        edge["roots"].add(event["cameo_root"])
        if event.get("date"):
            edge["dates"].append(event["date"])
    for _, _, edge in graph.edges(data=True):
        roots, dates = edge.pop("roots"), edge.pop("dates")
        edge["weight"] = edge["events"]
        edge["goldstein_mean"] = round(edge["goldstein_sum"] / edge["events"], 3)
        edge["goldstein_sum"] = round(edge["goldstein_sum"], 3)
        edge["cameo_roots"] = ",".join(sorted(roots))
        if dates:
            edge["first_date"], edge["last_date"] = min(dates), max(dates)
    return graph


def write_graph(graph: nx.DiGraph, path: str, fmt: str) -> None:
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    else:
        nx.write_gexf(graph, path)
