"""Judgments, idioms of diplomacy and performatives (casus.events.judgments), full
pipeline, on sentences written for these tests."""

from __future__ import annotations

import pytest

from casus.errors import DictionaryError
from casus.events.lexicon import load_lexicon, parse_lexicon
from casus.records import Event
from tests.events.helpers import code

pytestmark = pytest.mark.slow

STATE = "US State Department"
UK = "UK Government"


def _facts(text: str, cameo: str, source: str | None = None) -> list[Event]:
    return [e for e in code(text, source=source) if e.cameo == cameo
            and not e.negated and e.modality in ("asserted", "reported")]


def _dyad(event: Event) -> tuple[str | None, str | None]:
    return (event.source.country if event.source else None,
            event.target.country if event.target else None)


@pytest.mark.parametrize("text,dyad", [
    # a naming verb: the act judged is aimed at its doer, a party at itself
    ("Kenya's president called the Shabaab attack an act of terror.", ("KEN", "SOM")),
    ("Chile's foreign minister described the Bolivian government as illegitimate.",
     ("CHL", "BOL")),
    ("Azerbaijan's president branded Armenia an aggressor.", ("AZE", "ARM")),
    ("Armenia was branded an aggressor by Azerbaijan's president.", ("AZE", "ARM")),
    # a linking verb in what someone says: the speaker judges
    ("Armenia's prime minister said the Azerbaijani shelling was an act of aggression.",
     ("ARM", "AZE")),
    ("Nigeria's president said that the kidnapping of the schoolgirls by Boko Haram was a "
     "heinous crime.", ("NGA", "NGA")),
    ("The Israeli ambassador said Iran is a malicious actor in the region.", ("ISR", "IRN")),
])
def test_judgments_a_negative_judgment_is_a_criticism(text, dyad):
    events = _facts(text, "111")
    assert [_dyad(e) for e in events] == [dyad], [(e.cameo, _dyad(e)) for e in events]


def test_judgments_the_judged_party_may_be_the_complement():
    (event,) = _facts("The biggest threat to Somalia is al-Shabaab, the president said.", "111")
    assert event.target is not None and "Shabaab" in event.target.text


def test_judgments_an_attack_judged_takes_its_doer_from_the_story_nearby():
    events = _facts("Ethiopian troops raided a border village in Sudan on Monday. Sudan's "
                    "foreign ministry called the raid barbaric.", "111")
    assert [_dyad(e) for e in events] == [("SDN", "ETH")]


def test_judgments_a_governments_own_statement_is_the_government_speaking():
    events = _facts("Russian forces shelled a hospital in Kherson, killing four Ukrainian "
                    "civilians. The attack was a cowardly act of terror against innocent "
                    "people.", "111", source=UK)
    assert [_dyad(e) for e in events] == [("GBR", "RUS")]


@pytest.mark.parametrize("text", [
    "Somalia's president called the Ugandan general a friend.",  # no judgment word
    "The Kenyan minister did not call the attack terrorism.",  # negated
    "Pakistan is not a threat to India, the minister said.",
    "The attack was an act of terror.",  # a news outlet's narration: no one judges
    "Was the blockade an act of war, the senator asked?",  # a question
    "The UN Security Council is clear that the use of starvation of civilians as a method "
    "of combat is unacceptable.",  # the civilians suffer it: not judged
])
def test_judgments_no_criticism_without_a_judge_a_judgment_and_a_party(text):
    assert not _facts(text, "111", source=UK if "Security Council" in text else None)


def test_judgments_a_criticism_verb_with_a_judgment_is_one_event():
    events = _facts("Egypt's foreign ministry condemned the Israeli strike as an act of "
                    "aggression.", "111")
    assert [_dyad(e) for e in events] == [("EGY", "ISR")]


def test_judgments_thoughts_with_the_families_are_condolences_to_the_victims_country():
    (event,) = _facts("Gunmen attacked a church in Kaduna, killing nine Nigerian "
                      "worshippers. Our thoughts and prayers are with the families of the "
                      "victims.", "018", source=STATE)
    assert _dyad(event) == ("USA", "NGA")


def test_judgments_standing_with_a_party_endorses_it():
    (event,) = _facts("We stand shoulder to shoulder with the people of Ukraine.", "051",
                      source=UK)
    assert _dyad(event) == ("GBR", "UKR")
    assert not _facts("The general stood by his decision.", "051")


def test_judgments_will_pay_a_price_is_a_threat_by_the_speaker():
    (event,) = _facts("The Houthis said Israel would pay dearly.", "138")
    assert _dyad(event) == ("YEM", "ISR") and event.modality == "asserted"
    assert not _facts("Ukraine has paid a heavy price for its freedom, Zelensky said.", "138")


def test_judgments_wanting_to_thank_in_the_first_person_thanks():
    (event,) = _facts("We would like to thank the government of Qatar for its mediation.",
                      "051", source=STATE)
    assert _dyad(event) == ("USA", "QAT")
    assert _facts("I want to congratulate the Kenyan police on the arrest.", "051",
                  source=STATE)


@pytest.mark.parametrize("text", [
    "The minister wants to thank Qatar.",  # not the speaker's own act
    "We do not want to thank Qatar.",  # negated wanting
])
def test_judgments_other_wanting_stays_hypothetical(text):
    assert not _facts(text, "051", source=STATE)


def test_judgments_lexicon_reads_words_idioms_and_performatives():
    lexicon = load_lexicon()
    assert lexicon.judgment_codes["terror"] == "111" and "call" in lexicon.judging_verbs
    assert any(i.target_is_subject for i in lexicon.idioms["pay"])
    assert "thank" in lexicon.performatives and "want" in lexicon.performative_governors
    assert {"018", "051", "111", "138"} <= lexicon.codes()


@pytest.mark.parametrize("idioms", [
    [{"head": "stand"}],  # no code
    [{"head": "stand", "code": "999"}],  # no such code
    [{"head": "stand", "code": "051", "colour": "red"}],  # unknown key
    [{"head": "stand", "code": "051", "source": "bystander"}],
])
def test_judgments_lexicon_rejects_a_bad_idiom(idioms):
    with pytest.raises(DictionaryError):
        parse_lexicon({"idioms": idioms})
