"""The YAML dictionary loads, is complete enough, and dated roles resolve by date."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from casus.actors.dictionary import ACTORS_DIR, default_dictionary, load_dictionary
from casus.actors.roles import parse_code, parse_date
from casus.errors import DictionaryError


def test_dictionary_loads_every_country_with_iso3() -> None:
    dic = default_dictionary()
    countries = [e for e in dic.entries.values() if e.kind == "country"]
    assert len(countries) > 230
    for c in countries:
        assert len(c.id) == 3 and c.id.isupper()
    for iso3 in ("IRQ", "IRN", "USA", "SYR", "LBN", "YEM", "ISR", "PSE", "SDN", "UKR", "RUS"):
        assert iso3 in dic.entries


def test_dictionary_country_words_resolve() -> None:
    dic = default_dictionary()
    for text, iso3 in [("Iraqi", "IRQ"), ("Iranian", "IRN"), ("American", "USA"),
                       ("US", "USA"), ("U.S.", "USA"), ("British", "GBR"), ("Tehran", "IRN"),
                       ("Washington", "USA"), ("Baghdad", "IRQ"), ("Moscow", "RUS"),
                       ("Kiev", "UKR"), ("Kyiv", "UKR"), ("Syrian", "SYR")]:
        surface = dic.lookup(text)
        assert surface is not None and surface.entry_id == iso3, text


def test_dictionary_kadhimi_role_depends_on_date() -> None:
    kadhimi = default_dictionary().entries["mustafa_al_kadhimi"]
    assert kadhimi.code_on(date(2019, 1, 1)) == "IRQSPY"
    assert kadhimi.code_on(date(2021, 7, 22)) == "IRQGOV"
    assert kadhimi.code_on(None) == "IRQGOV"
    assert kadhimi.code_on(date(2023, 6, 1)) == "IRQELI"  # a former official
    assert kadhimi.code_on(date(2010, 1, 1)) == "IRQ"  # before any known role


def test_dictionary_group_roles_change_with_date() -> None:
    rsf = default_dictionary().entries["rapid_support_forces"]
    assert rsf.code_on(date(2020, 1, 1)) == "SDNMIL"
    assert rsf.code_on(date(2024, 1, 1)) == "SDNREB"


def test_dictionary_offices_give_holder_on_date() -> None:
    dic = default_dictionary()
    pm = dic.office("IRQ", "prime minister")
    assert pm is not None
    assert pm.holder_on(date(2021, 7, 22)) == "mustafa_al_kadhimi"
    assert pm.holder_on(date(2024, 1, 20)) == "mohammed_shia_al_sudani"
    assert dic.office("USA", "president").holder_on(date(2021, 7, 22)) == "joe_biden"


def test_dictionary_translated_aliases_resolve() -> None:
    dic = default_dictionary()
    for text, entry_id in [("League of the Righteous", "asaib_ahl_al_haq"),
                           ("Hezbollah Brigades", "kataib_hezbollah"),
                           ("al-Hashd al-Shabi", "popular_mobilization_forces"),
                           ("PMF", "popular_mobilization_forces"),
                           ("Nujaba", "harakat_al_nujaba"), ("Ansar Allah", "houthis"),
                           ("Hemedti", "mohamed_hamdan_dagalo")]:
        surface = dic.lookup(text)
        assert surface is not None and surface.entry_id == entry_id, text
    assert dic.lookup("Coordination Framework").entry_id != dic.lookup(
        "Coordination Committee").entry_id


def test_dictionary_every_yaml_parses_and_ids_are_unique() -> None:
    ids: set[str] = set()
    for path in ACTORS_DIR.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data.get("actors", []):
            assert entry["id"] not in ids
            ids.add(entry["id"])
            assert entry["type"] in {"PERSON", "ORG", "GPE"}


def test_dictionary_extra_folder_adds_entries(tmp_path: Path) -> None:
    (tmp_path / "local.yaml").write_text(
        "actors:\n  - {id: test_militia, name: Saraya Test, type: ORG,"
        " roles: [{code: IRQREB, from: 2020-01}]}\n", encoding="utf-8")
    dic = load_dictionary([tmp_path])
    assert dic.lookup("Saraya Test").entry_id == "test_militia"


def test_dictionary_bad_file_raises_dictionary_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("actors:\n  - {name: no id}\n", encoding="utf-8")
    with pytest.raises(DictionaryError):
        load_dictionary([tmp_path])


def test_roles_parse_code_and_partial_dates() -> None:
    assert parse_code("IRQGOV") == ("IRQ", "GOV")
    assert parse_code("IGOUNO") == ("IGO", None)
    assert parse_code("IRQ") == ("IRQ", None)
    assert parse_date("2020-05") == date(2020, 5, 1)
    assert parse_date("2020-02", end=True) == date(2020, 2, 29)
    assert parse_date("2016", end=True) == date(2016, 12, 31)


@pytest.mark.parametrize("text, on, name, code", [
    # one name at two dates: the office held then gives the code
    ("Hakan Fidan", date(2015, 1, 1), "Hakan Fidan", "TURSPY"),
    ("Hakan Fidan", date(2024, 1, 1), "Hakan Fidan", "TURGOV"),
    ("Stoltenberg", date(2020, 1, 1), "Jens Stoltenberg", "IGOWSTNAT"),
    ("Stoltenberg", date(2025, 6, 1), "Jens Stoltenberg", "NORGOV"),
    ("el-Sisi", date(2013, 1, 1), "Abdel Fattah el-Sisi", "EGYMIL"),
    ("Sisi", date(2020, 1, 1), "Abdel Fattah el-Sisi", "EGYGOV"),
    ("Kilicdaroglu", date(2020, 1, 1), "Kemal Kılıçdaroğlu", "TUROPP"),  # dotless i folded
    ("Erdogan", date(2010, 1, 1), "Recep Tayyip Erdoğan", "TURGOV"),
    # titles: the holder on the date, for states and for international bodies
    ("the Turkish foreign minister", date(2020, 1, 1), "Mevlüt Çavuşoğlu", "TURGOV"),
    ("the Turkish foreign minister", date(2024, 1, 1), "Hakan Fidan", "TURGOV"),
    ("the Egyptian president", date(2012, 12, 1), "Mohamed Morsi", "EGYGOV"),
    ("the Russian defence minister", date(2024, 6, 1), "Andrei Belousov", "RUSMIL"),
    ("NATO Secretary General", date(2023, 1, 1), "Jens Stoltenberg", "IGOWSTNAT"),
    ("NATO Secretary-General", date(2025, 1, 1), "Mark Rutte", "IGOWSTNAT"),
    ("the UN Secretary-General", date(2015, 1, 1), "Ban Ki-moon", "IGOUNO"),
    ("EU foreign policy chief", date(2025, 3, 1), "Kaja Kallas", "IGOEUREEC"),
    ("Omani Sultan", date(2019, 1, 1), "Qaboos bin Said", "OMNGOV"),
    ("Haftar", date(2020, 1, 1), "Khalifa Haftar", "LBYMIL"),
])
def test_dictionary_covers_the_region_and_its_partners_by_date(
        text: str, on: date, name: str, code: str) -> None:
    from casus.actors import resolve_actor_text

    ref = resolve_actor_text(text, on)
    assert ref is not None and (ref.name, ref.code) == (name, code)


def test_dictionary_office_titles_never_become_foreign_role_words() -> None:
    # an international body's office adds its titles as agent words: with the role
    # CAMEO gives the code (none for IGOWSTNAT), never letters cut from the code
    agents = default_dictionary().agents
    assert agents["secretary general"] == ("GOV", False)
    assert all(role.isalpha() and len(role) == 3 for role, _ in agents.values())
    assert not {role for role, _ in agents.values()} & {"WST", "UNO", "EUR"}


def test_dictionary_surnames_need_agreeing_vowels_and_korean_order() -> None:
    dic = default_dictionary()
    assert dic.person_by_surname("Ban").id == "ban_ki_moon"  # family name first
    assert dic.person_by_surname("Moon") is None  # a given name, and another president's
    assert dic.person_by_surname("Min") is None  # keys like "moon"; vowels disagree
    assert dic.person_by_surname("Al-Sinek") is None  # an article Sunak never has
    assert dic.person_by_surname("Sunak").id == "rishi_sunak"
    assert dic.person_by_surname("al-Kadhimi").id == "mustafa_al_kadhimi"


def test_dictionary_apostrophes_carry_no_letter_even_in_short_exact_forms() -> None:
    dic = default_dictionary()
    daesh = dic.lookup("Daesh")
    assert daesh is not None
    for written in ("Dae’sh", "Da'esh", "Da’esh"):
        found = dic.lookup(written)
        assert found is not None and found.entry_id == daesh.entry_id, written


def test_dictionary_written_form_ignores_apostrophes_but_not_spelling() -> None:
    dic = default_dictionary()
    assert dic.written("Dae’sh") is not None
    assert dic.written("Dex") is None  # same key as Daesh, another name
