"""The dictionary reaches beyond the Middle East: regional bodies, UN agencies, NGOs,
armed groups and leaders of Africa, Asia and the Americas resolve, dated, to CAMEO codes."""

from datetime import date

import pytest
import spacy

from casus.actors import resolve_actor_text
from casus.actors.dictionary import default_dictionary
from casus.actors.matching import DictionaryMatcher


@pytest.mark.parametrize("text, code", [
    # regional and other intergovernmental bodies
    ("ASEAN", "IGOSEAASN"),
    ("Association of Southeast Asian Nations", "IGOSEAASN"),
    ("SADC", "IGOSAFSAD"),
    ("East African Community", "IGOEAFEAC"),
    ("Organization of American States", "IGOOAS"),
    ("OSCE", "IGO"),
    ("Shanghai Cooperation Organisation", "IGOCAS"),
    ("G7", "IGOGOS"),
    ("G20", "IGO"),
    ("Alliance of Sahel States", "IGOWAF"),
    ("ATMIS", "IGOAFRAFU"),
    # UN agencies and missions
    ("World Food Programme", "IGOUNOWFP"),
    ("WFP", "IGOUNOWFP"),
    ("UNICEF", "IGOUNOKID"),
    ("OCHA", "IGOUNO"),
    ("MONUSCO", "IGOUNO"),
    ("UN Human Rights Council", "IGOUNOHRI"),
    # NGOs
    ("Save the Children", "NGODEV"),
    ("Norwegian Refugee Council", "NGOREF"),
    ("Reporters Without Borders", "NGOMED"),
    ("Médecins du Monde", "NGOHLH"),
    ("Palestine Red Crescent Society", "PSEHLH"),
])
def test_world_coverage_international_bodies_resolve(text: str, code: str) -> None:
    ref = resolve_actor_text(text, date(2024, 6, 1))
    assert ref is not None and ref.code == code, text


@pytest.mark.parametrize("text, on, country, role", [
    # armed groups take the country where they fight
    ("National Liberation Army", date(2023, 11, 10), "COL", "REB"),
    ("ELN", date(2023, 11, 10), "COL", "REB"),
    ("Clan del Golfo", date(2023, 1, 1), "COL", "CRM"),
    ("Estado Mayor Central", date(2024, 1, 1), "COL", "REB"),
    ("M23", date(2025, 1, 28), "COD", "REB"),
    ("Alliance Fleuve Congo", date(2025, 1, 28), "COD", "REB"),
    ("Allied Democratic Forces", date(2024, 1, 1), "COD", "REB"),
    ("FDLR", date(2024, 1, 1), "COD", "REB"),
    ("Wazalendo", date(2025, 1, 28), "COD", "MIL"),
    ("Arakan Army", date(2024, 1, 17), "MMR", "REB"),
    ("People's Defence Force", date(2024, 1, 17), "MMR", "REB"),
    ("KIA", date(2024, 1, 17), "MMR", "REB"),
    ("National Unity Government", date(2024, 1, 17), "MMR", "OPP"),
    ("Tatmadaw", date(2024, 1, 17), "MMR", "MIL"),
    ("Ansar al-Sunna", date(2023, 1, 1), "MOZ", "REB"),
    ("Oromo Liberation Army", date(2023, 1, 1), "ETH", "REB"),
    ("Fano", date(2024, 1, 1), "ETH", "REB"),
    ("SPLM-IO", date(2024, 1, 1), "SSD", "REB"),
    ("Pakistani Taliban", date(2024, 1, 1), "PAK", "REB"),
    ("ISIS-K", date(2024, 1, 1), "AFG", "REB"),
    ("Baloch Liberation Army", date(2025, 3, 11), "PAK", "REB"),
    ("Jalisco New Generation Cartel", date(2025, 1, 1), "MEX", "CRM"),
    ("Viv Ansanm", date(2024, 6, 1), "HTI", "CRM"),
    ("Azov Brigade", date(2024, 1, 1), "UKR", "MIL"),
    # a group whose standing changed: the date decides
    ("Taliban", date(2019, 1, 1), "AFG", "REB"),
    ("Taliban", date(2023, 1, 1), "AFG", "GOV"),
    ("TPLF", date(2019, 1, 1), "ETH", "PTY"),
    ("TPLF", date(2021, 6, 1), "ETH", "REB"),
])
def test_world_coverage_armed_groups_take_their_country(
        text: str, on: date, country: str, role: str) -> None:
    ref = resolve_actor_text(text, on)
    assert ref is not None and (ref.country, ref.role) == (country, role), text


@pytest.mark.parametrize("text, on, name, code", [
    ("Gustavo Petro", date(2023, 11, 10), "Gustavo Petro", "COLGOV"),
    ("Félix Tshisekedi", date(2025, 1, 28), "Félix Tshisekedi", "CODGOV"),
    ("Felix Tshisekedi", date(2015, 1, 1), "Félix Tshisekedi", "CODOPP"),
    ("Paul Kagame", date(2025, 1, 28), "Paul Kagame", "RWAGOV"),
    ("Corneille Nangaa", date(2025, 1, 28), "Corneille Nangaa", "CODREB"),
    ("Min Aung Hlaing", date(2020, 1, 1), "Min Aung Hlaing", "MMRMIL"),
    ("Min Aung Hlaing", date(2024, 1, 17), "Min Aung Hlaing", "MMRGOV"),
    ("Riek Machar", date(2015, 1, 1), "Riek Machar", "SSDREB"),
    ("Riek Machar", date(2021, 1, 1), "Riek Machar", "SSDGOV"),
    ("Choguel Kokalla Maiga", date(2022, 1, 1), "Choguel Kokalla Maïga", "MLIGOV"),
    ("Ashraf Ghani", date(2023, 1, 1), "Ashraf Ghani", "AFGELI"),  # a former president
    ("Imran Khan", date(2023, 1, 1), "Imran Khan", "PAKOPP"),
    ("Prabowo", date(2022, 1, 1), "Prabowo Subianto", "IDNMIL"),
    ("Kim Jong-un", date(2024, 1, 1), "Kim Jong Un", "PRKGOV"),
    ("Tobias Ellwood", date(2016, 1, 1), "Tobias Ellwood", "GBRGOV"),
    ("Ash Carter", date(2016, 10, 17), "Ash Carter", "USAMIL"),
    ("Ramtane Lamamra", date(2024, 6, 9), "Ramtane Lamamra", "IGOUNO"),
    ("Ramtane Lamamra", date(2022, 1, 1), "Ramtane Lamamra", "DZAGOV"),
    # titles: the holder on the article's date
    ("the Colombian president", date(2020, 1, 1), "Iván Duque", "COLGOV"),
    ("the Congolese president", date(2025, 1, 28), "Félix Tshisekedi", "CODGOV"),
    ("Kenyan President", date(2025, 1, 28), "William Ruto", "KENGOV"),
    ("the Japanese prime minister", date(2022, 1, 1), "Fumio Kishida", "JPNGOV"),
    ("US Secretary of State", date(2015, 6, 1), "John Kerry", "USAGOV"),
    ("the Iraqi foreign minister", date(2016, 1, 1), "Ibrahim al-Jaafari", "IRQGOV"),
    ("the Ukrainian prime minister", date(2024, 6, 1), "Denys Shmyhal", "UKRGOV"),
])
def test_world_coverage_people_and_titles_by_date(
        text: str, on: date, name: str, code: str) -> None:
    ref = resolve_actor_text(text, on)
    assert ref is not None and (ref.name, ref.code) == (name, code), text


@pytest.mark.parametrize("text, iso3", [
    ("Democratic Republic of Congo", "COD"),
    ("the Democratic Republic of the Congo", "COD"),
    ("DR Congo", "COD"),
    ("Congo", "COD"),  # news style: Congo alone is Kinshasa's
    ("Republic of Congo", "COG"),
    ("Congo Republic", "COG"),
    ("Congo-Brazzaville", "COG"),
])
def test_world_coverage_the_two_congos(text: str, iso3: str) -> None:
    surface = default_dictionary().lookup(text)
    assert surface is not None and surface.entry_id == iso3, text


def test_world_coverage_drc_in_running_text_is_cod() -> None:
    # the longest name wins: "Republic of Congo" (COG) inside it is not matched
    nlp = spacy.blank("en")
    doc = nlp("Rebels seized the largest city in eastern Democratic Republic of Congo.")
    hits = DictionaryMatcher(nlp.vocab, default_dictionary())(doc)
    assert [(doc[h.start:h.end].text, h.surface.entry_id) for h in hits] == [
        ("Democratic Republic of Congo", "COD")]


def test_world_coverage_longer_group_name_beats_its_parts() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The Pakistani Taliban and the Palestine Red Crescent Society.")
    hits = DictionaryMatcher(nlp.vocab, default_dictionary())(doc)
    assert [h.surface.entry_id for h in hits] == ["ttp", "palestine_red_crescent"]


def test_world_coverage_offices_name_known_people() -> None:
    dic = default_dictionary()
    for office in dic.offices:
        for actor_id, start, end in office.holders:
            entry = dic.entries[actor_id]
            assert entry.type == "PERSON", (office.id, actor_id)
            assert start is None or end is None or start <= end, (office.id, actor_id)
