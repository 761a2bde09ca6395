"""Names in Latin letters (orgs.latin): the spellings people type find the Cyrillic name."""

from __future__ import annotations

import pytest

from shudarga.orgs.latin import latin_key


@pytest.mark.parametrize(
    ("cyrillic", "typed"),
    [
        ("Хужирт сум", "Khujirt sum"),  # MNS 5217:2012
        ("Хужирт", "Hujirt"),  # h for х
        ("Хужирт", "Xujirt"),  # x for х
        ("Өвөрхангай", "Övörkhangai"),  # the standard's ö
        ("Өвөрхангай", "Uvurkhangai"),  # the common English spelling
        ("Хөвсгөл", "Khuvsgul"),
        ("Хөвсгөл", "Hovsgol"),
        ("Цэцэрлэг", "Tsetserleg"),
        ("Цэцэрлэг", "Cecerleg"),
        ("Улаанбаатар", "Ulaanbaatar"),
        ("Улаанбаатар", "Ulanbatar"),  # doubled vowels written once
        ("Есөнбулаг", "Yesonbulag"),
        ("Баян-Өлгий", "Bayan-Ulgii"),
        ("Засаг даргын Тамгын газар", "zasag dargyn tamgyn gazar"),
    ],
)
def test_a_spelling_in_latin_has_the_key_of_the_cyrillic_name(cyrillic, typed):
    assert latin_key(typed) == latin_key(cyrillic)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Хужирт", "Хархорин"), ("Баянхонгор", "Баян-Өлгий"), ("Мөрөн", "Сайхан")],
)
def test_different_names_keep_different_keys(one, other):
    assert latin_key(one) != latin_key(other)


def test_the_key_is_lower_case_letters_digits_and_single_spaces():
    assert latin_key("  ХУЖИРТ —  сум, 2-р баг ") == "hujirt sum 2 r bag"
