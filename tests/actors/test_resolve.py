"""resolve_actor_text: cheap resolution of short texts, without spaCy."""

from datetime import date

from casus.actors import resolve_actor_text
from casus.records import stable_id

ON = date(2021, 7, 22)


def test_resolve_spellings_share_the_dictionary_id() -> None:
    ids = {resolve_actor_text(t, ON).actor_id
           for t in ["Mustafa Al-Kazemi", "al-Kadhimi", "Al Kazemi", "Kazemi"]}
    assert ids == {stable_id("actor", "mustafa_al_kadhimi")}


def test_resolve_agent_phrases_to_country_and_role() -> None:
    cases = {"the Iraqi government": "IRQGOV", "US forces": "USAMIL",
             "Iranian officials": "IRNGOV", "Iraqi security forces": "IRQCOP",
             "Baghdad": "IRQ", "the armed factions": "REB"}
    for text, code in cases.items():
        ref = resolve_actor_text(text, ON)
        assert ref is not None and ref.code == code, text
    assert resolve_actor_text("the armed factions", ON).country is None


def test_resolve_title_to_office_holder_on_date() -> None:
    ref = resolve_actor_text("the Iraqi Prime Minister", ON)
    assert ref.name == "Mustafa al-Kadhimi"
    later = resolve_actor_text("the Iraqi Prime Minister", date(2024, 1, 20))
    assert later.name == "Mohammed Shia al-Sudani"


def test_resolve_unknown_text_gives_none() -> None:
    assert resolve_actor_text("the weather", ON) is None
    assert resolve_actor_text("", ON) is None


def test_resolve_agent_ids_are_per_code() -> None:
    a = resolve_actor_text("US forces", ON)
    b = resolve_actor_text("American troops", ON)
    assert a.actor_id == b.actor_id == stable_id("agent", "USAMIL")
