"""One rule for a sum of money typed into a form (documents.amounts): thousands separators
where they cannot be anything else, a refusal where they could be a decimal mark."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shudarga.documents.amounts import AmountAmbiguousError, AmountError, parse_typed_amount


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1 200,5", "1200.5"),
        ("1\u00a0200,5", "1200.5"),
        ("1'200", "1200"),
        ("1200.5", "1200.5"),
        ("1,200.50", "1200.50"),
        ("1.200,5", "1200.5"),
        ("1,200,000", "1200000"),
        ("1.200.000", "1200000"),
        ("840,5", "840.5"),
        ("840,0", "840.0"),
        ("0,250", "0.250"),  # a thousands group never starts with 0
        ("12,3456", "12.3456"),
        ("1234,567", "1234.567"),  # four digits before: no grouping of three
        ("5 сая", "5000"),
        ("5", "5"),
    ],
)
def test_it_reads_what_can_only_mean_one_amount(typed, amount):
    value = parse_typed_amount(typed)
    assert isinstance(value, Decimal) and value == Decimal(amount)


@pytest.mark.parametrize("typed", ["", "  ", "-", "—", None])
def test_nothing_or_a_dash_is_no_amount(typed):
    assert parse_typed_amount(typed) is None


@pytest.mark.parametrize("typed", ["1,200", "1.250", "1,005", "999.999", "12,345"])
def test_a_single_mark_before_three_digits_is_asked_about(typed):
    # Issue 12: "1,200" was saved as 1.2 thousand MNT, a 1000-fold error.
    with pytest.raises(AmountAmbiguousError):
        parse_typed_amount(typed)


@pytest.mark.parametrize("typed", ["мянга", "1,20,0", "1.2.3", "1,2345.6", "-5", "1e3", "1,2.3"])
def test_anything_else_is_not_an_amount(typed):
    with pytest.raises(AmountError) as caught:
        parse_typed_amount(typed)
    assert not isinstance(caught.value, AmountAmbiguousError)
