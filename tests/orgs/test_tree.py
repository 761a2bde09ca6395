from __future__ import annotations

import pytest

from shudarga.orgs.errors import OrganizationAmbiguousError, OrganizationExistsError
from shudarga.orgs.models import Organization
from shudarga.orgs.selectors import (
    organization_children,
    organization_descendants,
    organization_find,
)
from shudarga.orgs.services import (
    organization_create,
    organization_get_or_create_path,
    organization_rename,
)

Kind = Organization.Kind
KHUJIRT_PATH = [
    ("Монгол Улс", Kind.COUNTRY),
    ("Өвөрхангай", Kind.AIMAG),
    ("Хужирт", Kind.SOUM),
    ("Хужирт сумын Засаг даргын Тамгын газар", Kind.ORGANIZATION),
]

pytestmark = pytest.mark.django_db


def test_it_creates_a_path_once():
    office = organization_get_or_create_path(path=KHUJIRT_PATH)
    again = organization_get_or_create_path(path=KHUJIRT_PATH)
    assert again.pk == office.pk
    assert Organization.objects.count() == 4
    assert office.depth == 4
    assert office.name_folded == "хужирт сумын засаг даргын тамгын газар"
    assert [a.name for a in Organization.objects.get_ancestors(office)] == [
        "Монгол Улс",
        "Өвөрхангай",
        "Хужирт",
    ]


def test_it_matches_path_steps_by_folded_name():
    office = organization_get_or_create_path(path=KHUJIRT_PATH)
    same = organization_get_or_create_path(
        path=[
            ("МОНГОЛ  улс", Kind.COUNTRY),
            ("өвөрхангай ", Kind.AIMAG),
            ("XУЖИРТ", Kind.SOUM),  # Latin X
            ("Хужирт сумын Засаг даргын Тамгын газар", Kind.ORGANIZATION),
        ]
    )
    assert same.pk == office.pk
    assert Organization.objects.count() == 4


def test_it_adds_only_the_missing_tail_of_a_path():
    organization_get_or_create_path(path=KHUJIRT_PATH)
    bag = organization_get_or_create_path(path=[*KHUJIRT_PATH[:3], ("1-р баг", Kind.KHOROO_BAG)])
    assert Organization.objects.count() == 5
    assert Organization.objects.get_parent(bag).name == "Хужирт"


def test_it_rejects_an_empty_path():
    with pytest.raises(ValueError):
        organization_get_or_create_path(path=[])


def test_it_rejects_an_unknown_kind():
    with pytest.raises(ValueError):
        organization_create(name="Хужирт", kind="village")
    assert Organization.objects.count() == 0


def test_it_refuses_a_sibling_with_the_same_folded_name():
    aimag = organization_create(name="Өвөрхангай", kind=Kind.AIMAG)
    organization_create(name="Хужирт", kind=Kind.SOUM, parent=aimag)
    with pytest.raises(OrganizationExistsError):
        organization_create(name=" хужирт ", kind=Kind.SOUM, parent=aimag)


def test_it_allows_the_same_name_under_different_parents():
    a = organization_create(name="Хужирт", kind=Kind.SOUM)
    b = organization_create(name="Зүүнбаян-Улаан", kind=Kind.SOUM)
    organization_create(name="1-р баг", kind=Kind.KHOROO_BAG, parent=a)
    organization_create(name="1-р баг", kind=Kind.KHOROO_BAG, parent=b)
    assert Organization.objects.filter(name="1-р баг").count() == 2


def test_adding_a_node_leaves_the_paths_of_others_alone():
    aimag = organization_create(name="Өвөрхангай", kind=Kind.AIMAG)
    khujirt = organization_create(name="Хужирт", kind=Kind.SOUM, parent=aimag)
    office = organization_create(name="Хужирт сумын ЗДТГ", kind=Kind.ORGANIZATION, parent=khujirt)
    organization_create(name="Арвайхээр", kind=Kind.SOUM, parent=aimag)
    organization_create(name="Архангай", kind=Kind.AIMAG)
    # Instances held in memory stay valid: their paths did not move.
    assert Organization.objects.get(pk=khujirt.pk).path == khujirt.path
    assert Organization.objects.get(pk=office.pk).path == office.path
    assert [o.pk for o in organization_descendants(node=khujirt)] == [office.pk]


def test_children_are_listed_by_name():
    aimag = organization_create(name="Өвөрхангай", kind=Kind.AIMAG)
    for name in ["Хужирт", "Арвайхээр", "Бат-Өлзий"]:
        organization_create(name=name, kind=Kind.SOUM, parent=aimag)
    names = [c.name for c in organization_children(node=aimag)]
    assert names == ["Арвайхээр", "Бат-Өлзий", "Хужирт"]


def test_rename_refreshes_the_folded_name():
    aimag = organization_create(name="Өвөрхангай", kind=Kind.AIMAG)
    first = organization_create(name="Арвайхээр", kind=Kind.SOUM, parent=aimag)
    organization_rename(organization=first, name="Уянга  сум")
    first.refresh_from_db()
    assert first.name == "Уянга сум"
    assert first.name_folded == "уянга сум"
    assert organization_find(name="УЯНГА СУМ").pk == first.pk
    assert organization_find(name="Арвайхээр") is None


def test_rename_refuses_a_name_a_sibling_has():
    aimag = organization_create(name="Өвөрхангай", kind=Kind.AIMAG)
    first = organization_create(name="Арвайхээр", kind=Kind.SOUM, parent=aimag)
    organization_create(name="Хужирт", kind=Kind.SOUM, parent=aimag)
    with pytest.raises(OrganizationExistsError):
        organization_rename(organization=first, name="хужирт")


def test_find_ignores_case_spaces_and_latin_lookalikes(khujirt):
    # "X" in ХУЖИРТ and "M" in ТAMГЫН are Latin letters.
    written = "XУЖИРТ  сумын ЗАСАГ ДАРГЫН ТАMГЫН ГАЗАР"
    assert "X" in written and "M" in written
    found = organization_find(name=written)
    assert found is not None
    assert found.pk == khujirt.pk
    assert found.name == "Хужирт сумын Засаг даргын Тамгын газар"


def test_find_returns_none_when_nothing_matches(khujirt):
    assert organization_find(name="Хархорин сумын Засаг даргын Тамгын газар") is None
    assert organization_find(name="   ") is None


def test_find_refuses_to_guess_between_namesakes():
    a = organization_create(name="Хужирт", kind=Kind.SOUM)
    b = organization_create(name="Зүүнбаян-Улаан", kind=Kind.SOUM)
    bag_a = organization_create(name="1-р баг", kind=Kind.KHOROO_BAG, parent=a)
    organization_create(name="1-р баг", kind=Kind.KHOROO_BAG, parent=b)
    with pytest.raises(OrganizationAmbiguousError) as err:
        organization_find(name="1-Р БАГ")
    assert len(err.value.candidates) == 2
    assert organization_find(name="1-р баг", within=a).pk == bag_a.pk


def test_descendants_are_one_query_with_nested_nodes_and_no_siblings(
    django_assert_num_queries,
):
    country = organization_create(name="Монгол Улс", kind=Kind.COUNTRY)
    aimag = organization_create(name="Өвөрхангай", kind=Kind.AIMAG, parent=country)
    other_aimag = organization_create(name="Архангай", kind=Kind.AIMAG, parent=country)
    soum = organization_create(name="Хужирт", kind=Kind.SOUM, parent=aimag)
    office = organization_create(
        name="Хужирт сумын Засаг даргын Тамгын газар", kind=Kind.ORGANIZATION, parent=soum
    )
    bag = organization_create(name="1-р баг", kind=Kind.KHOROO_BAG, parent=soum)
    cousin = organization_create(name="Цэнхэр", kind=Kind.SOUM, parent=other_aimag)
    aimag.refresh_from_db()

    with django_assert_num_queries(1):
        names = {o.name for o in organization_descendants(node=aimag)}

    assert names == {soum.name, office.name, bag.name}
    assert other_aimag.name not in names and cousin.name not in names
    assert aimag.name not in names
    with_self = organization_descendants(node=aimag, include_self=True)
    assert {o.pk for o in with_self} == {aimag.pk, soum.pk, office.pk, bag.pk}
    assert list(organization_descendants(node=bag)) == []
