"""Did it happen? Negated, planned, conditional, hypothetical and reported events, coded
through the full pipeline (casus.events.modality and the coder around it).

Every sentence is written for this test, from several conflicts and regions. Each case
names the CAMEO root of the event it is about, and the reading casus must give it: a
negated event is kept (for audit) but marked; a plan, a condition or a possibility is
never an asserted fact; a claim inside someone's words carries its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.events.helpers import code

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Reading:
    sentence: str
    root: str
    negated: bool = False
    modality: str = "asserted"
    speaker: str | None = None  # a word of the speaker's text, for reported events


NEGATED = [
    Reading("The Houthis did not attack the tanker in the Red Sea.", "19", negated=True),
    Reading("Ethiopian troops never attacked Eritrean positions, the ministry said.", "19",
            negated=True, modality="reported", speaker="ministry"),
    Reading("No operation has been carried out against Turkish forces since March.", "19",
            negated=True),
    Reading("Pakistan denied that its jets had bombed villages in Afghanistan.", "19",
            negated=True),
    Reading("Kenyan police have not arrested the opposition leader.", "17", negated=True),
    Reading("Mali's junta has not released the detained Ivorian soldiers.", "08",
            negated=True),
    Reading("Colombia's government failed to sign the agreement with the ELN.", "05",
            negated=True),
    Reading("Venezuela did not recall its ambassador from Bogota.", "16", negated=True),
    Reading("No talks took place between Serbia and Kosovo last week.", "04", negated=True),
    Reading("The militia denied shelling the displacement camp near Goma.", "19",
            negated=True),
]

FUTURE = [
    Reading("Chinese Foreign Minister Wang Yi will visit Brazil next week.", "04",
            modality="future"),
    Reading("Talks between Armenia and Azerbaijan are scheduled to resume in Geneva on "
            "Monday.", "04", modality="future"),
    Reading("The Nigerian president plans to meet the governors of the northern states.",
            "04", modality="future"),
    Reading("Peace talks between Sudan's army and the RSF are to be held in Jeddah on "
            "March 3.", "04", modality="future"),
    Reading("Thailand is expected to host the ASEAN envoy later this month.", "04",
            modality="future"),
    Reading("Russia will withdraw its troops from the border region, the Kremlin said.",
            "16", modality="future"),
    Reading("Ukraine is due to release Russian prisoners of war on Friday.", "08",
            modality="future"),
    Reading("The European Union is set to impose sanctions on Belarus.", "16",
            modality="future"),
    Reading("Egyptian mediators intend to meet Hamas leaders in Cairo.", "04",
            modality="future"),
    Reading("The upcoming visit of the Indian prime minister to Dhaka was announced.", "04",
            modality="future"),
    Reading("Turkey will start to support the Syrian rebels next year.", "05",
            modality="future"),
]

CONDITIONAL = [
    Reading("If Hamas releases the hostages, Israel will halt the strikes.", "08",
            modality="conditional"),
    Reading("The army will storm the town if the rebels do not surrender.", "19",
            modality="conditional"),
    Reading("Turkey will launch an operation in Syria if necessary.", "19",
            modality="conditional"),
    Reading("Unless Niger frees the president, ECOWAS will impose sanctions.", "16",
            modality="conditional"),
    Reading("Sudan's army said it would attack El Fasher if the RSF did not withdraw.",
            "19", modality="conditional"),
    Reading("Israel will strike Lebanon in the event that Hezbollah fires rockets.", "19",
            modality="conditional"),
    Reading("If talks fail, the rebels will capture the airport.", "19",
            modality="conditional"),
    Reading("Kenya will deploy troops to Haiti provided that parliament approves.", "15",
            modality="conditional"),
]

HYPOTHETICAL = [
    Reading("Iran could attack American bases in the region, analysts said.", "19",
            modality="hypothetical"),
    Reading("The militia might attack the oil field within days.", "19",
            modality="hypothetical"),
    Reading("North Korea may fire another missile at Japan.", "19",
            modality="hypothetical"),
    Reading("Somali forces would struggle to retake the port from al-Shabaab.", "19",
            modality="hypothetical"),
    Reading("Israel is considering an attack on Iranian nuclear sites.", "19",
            modality="hypothetical"),
    Reading("The rebels want to negotiate with the Congolese government.", "04",
            modality="hypothetical"),
    Reading("Serbia hopes to sign a trade agreement with China.", "05",
            modality="hypothetical"),
    Reading("A possible visit by the Pope to South Sudan was discussed.", "04",
            modality="hypothetical"),
    Reading("Kenya sent troops to Somalia to fight al-Shabaab.", "19",
            modality="hypothetical"),  # a purpose, not a fight that happened
]

REPORTED = [
    Reading("The RSF accused the army of shelling the camp, a claim the army rejected.", "19",
            modality="reported", speaker="RSF"),
    Reading("Moscow said Ukrainian drones had struck an oil depot in Belgorod.", "19",
            modality="reported", speaker="Moscow"),
    Reading("According to a Kurdish official, Turkish jets bombed villages near Duhok.", "19",
            modality="reported", speaker="Kurdish"),
    Reading("A government source said the factions had agreed to stop all attacks.", "03",
            modality="reported", speaker="source"),
    Reading("The Myanmar junta claimed that rebels had attacked a village in Sagaing.", "19",
            modality="reported", speaker="junta"),
    Reading("Witnesses told reporters that police had arrested dozens of protesters in "
            "Nairobi.", "17", modality="reported", speaker="Witnesses"),
]

ALL = NEGATED + FUTURE + CONDITIONAL + HYPOTHETICAL + REPORTED




def test_modality_has_forty_cases_of_every_kind() -> None:
    assert len(ALL) >= 40
    assert all(len(group) >= 6 for group in (NEGATED, FUTURE, CONDITIONAL, HYPOTHETICAL,
                                             REPORTED))


@pytest.mark.parametrize("case", ALL, ids=[c.sentence[:40] for c in ALL])
def test_modality_reading(case: Reading) -> None:
    events = [e for e in code(case.sentence) if e.cameo_root == case.root]
    assert events, [(e.cameo, e.trigger) for e in code(case.sentence)]
    readings = {(e.negated, e.modality) for e in events}
    assert (case.negated, case.modality) in readings, readings
    if case.modality != "asserted" or case.negated:
        # the case's event must never also come out as a plain fact
        assert (False, "asserted") not in readings, readings
    if case.speaker is not None:
        spoken = [e for e in events if (e.negated, e.modality) == (case.negated, case.modality)]
        assert any(e.attribution is not None and e.attribution.speaker is not None
                   and case.speaker in e.attribution.speaker.text for e in spoken), [
            e.attribution for e in spoken]
