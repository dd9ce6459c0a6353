"""Merge suggestions: spellings beyond the key across documents are proposed, not merged."""

from __future__ import annotations

from casus.actors.suggest import suggest_merges


def actor(actor_id: str, name: str, *, docs: tuple[str, ...] = ("d1",), count: int = 1,
          kind: str = "PERSON", in_dictionary: bool = False) -> dict:
    return {"actor_id": actor_id, "name": name, "type": kind, "code": None,
            "aliases": [name], "in_dictionary": in_dictionary,
            "mentions": [{"text": name, "doc_id": d, "count": count} for d in docs]}


def test_a_dropped_vowel_across_documents_is_proposed_with_the_merge_command() -> None:
    found = list(suggest_merges([
        actor("b1", "Tariq al-Sawahri", docs=("d2",)),
        actor("a1", "Tariq al-Sawahiri", docs=("d1", "d3"), count=2),
    ]))
    assert len(found) == 1
    (pair,) = found
    assert pair["keep"]["actor_id"] == "a1"  # the better attested is kept
    assert pair["merge"]["documents"] == ["d2"]
    assert pair["command"] == "casus actors merge a1 b1"
    assert 0.9 <= pair["score"] <= 1


def test_namesakes_groups_and_known_actors_are_not_proposed() -> None:
    found = list(suggest_merges([
        actor("q1", "Qais Hadi"), actor("q2", "Qasim Hadi"),           # two men
        actor("h1", "Hassan Ali"), actor("h2", "Hussein Ali"),          # two men
        actor("o1", "Tariq al-Sawahiri", kind="ORG"),                   # not the person
        actor("p1", "Tariq al-Sawahri"),
        actor("k1", "Kataib Hezbollah", kind="ORG", in_dictionary=True),
        actor("k2", "Kataib Hizbollah", kind="ORG"),                    # the dictionary's job
        actor("x1", "Tariq al-Sawahiry"),
    ], exclude=frozenset({"x1"})))                                      # split out earlier
    assert found == []


def test_suggestions_do_not_depend_on_input_order() -> None:
    records = [actor("c", "Nizar Abu-Talebi"), actor("a", "Nizar Abutaleby", docs=("d2",)),
               actor("b", "Tariq al-Sawahiri"), actor("d", "Tariq al-Sawahri")]
    first = list(suggest_merges(records))
    assert len(first) == 2
    assert list(suggest_merges(list(reversed(records)))) == first
