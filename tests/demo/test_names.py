"""The demo's names never run out: any number of organizations, each with its own name."""

from __future__ import annotations

import itertools

from shudarga.demo.names import AIMAGS, composed_soum_names, organization_specs


def test_two_thousand_organizations_have_two_thousand_names():
    specs = organization_specs(2000)
    assert len(specs) == 2000
    # Real soum names repeat across aimags (Булган, Өлзийт…), as in Mongolia: the aimag and
    # the name together tell two organizations apart.
    assert len({(aimag, name) for aimag, _, name in specs}) == 2000
    assert {aimag for aimag, _, _ in specs} == {aimag for aimag, _ in AIMAGS}


def test_the_first_ones_are_the_same_whatever_the_number():
    assert organization_specs(300)[:250] == organization_specs(250) == organization_specs()[:250]


def test_composed_soum_names_do_not_repeat():
    names = list(itertools.islice(composed_soum_names(), 1000))
    assert len(set(names)) == 1000
