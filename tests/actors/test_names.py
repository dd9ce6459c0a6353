"""Name keys: romanisation variants collide, different names stay apart."""

import pytest

from casus.actors.names import LIKELY_SAME, SAME_NAME, name_key, same_name, surname_keys

SAME = [
    ("Kazemi", "Kadhimi"), ("Kadhimi", "al-Kazimi"), ("Al-Kazemi", "Al Kazemi"),
    ("Mustafa Al-Kazemi", "Mustafa al-Kadhimi"), ("Qaani", "Ghaani"), ("Qaani", "Qa'ani"),
    ("Ismael Qaani", "Esmail Ghaani"), ("Muhandis", "Mohandes"),
    ("Abu Mahdi al-Muhandis", "Abu Mahdi al-Mohandes"), ("Khazali", "Khaz'ali"),
    ("Qais al-Khazali", "Qais Khazali"), ("Nujaba", "Nujabaa"), ("Asaib", "Asa'ib"),
    ("Asa'ib Ahl al-Haq", "Asaib Ahl al-Haq"), ("Asa’ib Ahl al-Haq", "Asaib Ahl al Haq"),
    ("Soleimani", "Suleimani"), ("Soleimani", "Sulaimani"), ("Hemedti", "Hemeti"),
    ("Khatibzadeh", "Khatib-Zadeh"), ("Mohammed", "Muhammad"), ("Mohamed", "Mohammad"),
    ("Hussein", "Husayn"), ("Hussein", "Hussain"), ("Hezbollah", "Hizballah"),
    ("Hizbullah", "Hezbollah"), ("Abdelkarim al-Zoubaidi", "Abdul Karim Zubaidi"),
    ("Abd al-Karim", "Abdulkarim"), ("Riyadh Fakhri", "Riyad Fakhri"),
    ("Mousavi", "Musawi"), ("Kyiv", "Kiev"), ("Qassem", "Qasim"),
    ("al-Hashd al-Shabi", "Al-Hashd Al-Shabi"),
    ("Mohammed Shia' Al-Sudani", "Mohammed Shia al-Sudani"),
    ("Zirjawi", "Zerjawi"), ("Esmaeil", "Ismail"), ("Kata'ib", "Kataib"),
]
DIFFERENT = [
    ("Qais Khazali", "Qais Qureshi"), ("Coordination Framework", "Coordination Committee"),
    ("Iraq", "Iran"), ("Hamas", "Hama"), ("Sadr", "Sudani"), ("Hussein", "Hassan"),
    ("Hamas", "Homs"), ("Sudan", "Sudani"), ("Iraqi", "Iraq"), ("Qaani", "Kenya"),
    ("Soleimani", "Salami"), ("Niger", "Nigeria"), ("Nujaba", "Najaf"),
    ("Hezbollah", "Hamas"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_names_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)
    assert same_name(a, b) >= SAME_NAME


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_names_different_names_stay_apart(a: str, b: str) -> None:
    assert same_name(a, b) < LIKELY_SAME


def test_names_key_ignores_case_diacritics_and_articles() -> None:
    assert name_key("AL-KĀẒIMĪ") == name_key("al-Kazimi") == name_key("Kazimi")


def test_names_surname_keys_skip_titles() -> None:
    keys = surname_keys("Prime Minister Mustafa al-Kadhimi")
    assert keys[0] == name_key("Kazemi")
    assert name_key("Abu Mahdi") in surname_keys("Abu Mahdi al-Muhandis")
    assert surname_keys("General Qaani") == (name_key("Qaani"),)


def test_names_same_name_is_symmetric_and_bounded() -> None:
    for a, b in SAME + DIFFERENT:
        assert same_name(a, b) == same_name(b, a)
        assert 0.0 <= same_name(a, b) <= 1.0
    assert same_name("", "Qaani") == 0.0
