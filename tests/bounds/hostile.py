"""Hostile input for the fuzz tests (hypothesis strategies): text and numbers an attacker, a
broken file or a confused person sends."""

from __future__ import annotations

from hypothesis import strategies as st

HOSTILE_TEXT = (
    "\x00",
    "a\x00b",
    "\x1b[2J\x07",
    "\x7f\x85\x9b",
    "\u202eСургалт\u200f",
    "\ufeff\u200b\u2028\u2029",
    "<script>alert(1)</script>",
    "'; DROP TABLE plans_plan; --",
    '" OR 1=1 --',
    "%00%27%22",
    "{{ 7*7 }}{% debug %}",
    "../../etc/passwd",
    "\r\n\r\r\n",
    "\t",
    " ",
    "",
    "𝕏🙂" * 5,
    "Ｎａｎ",
    "\ud7ff\ue000\U0010fffd",
)
HOSTILE_NUMBERS = (
    "1e308",
    "-1e308",
    "1e-400",
    "-0",
    "NaN",
    "nan",
    "Infinity",
    "-inf",
    "-1",
    "0,001",
    "1,250",
    "1 200,5",
    "５",
    "٣",
    "0x10",
    "1_000",
    "9" * 60,
    "",
    "-",
    "5 сая",
    "100%",
    "ХБ",
)
SIZES = (0.5, 1, 1.001, 4)


def _sized(limit: int) -> st.SearchStrategy[str]:
    """Text around a field's limit: just under, at, just over, far over."""
    return st.builds(
        lambda factor, char: char * max(1, int(limit * factor)),
        st.sampled_from(SIZES),
        st.sampled_from(("а", "ж", "\x00", " ", "\u202e")),
    )


def texts(limit: int, *, surrogates: bool = False) -> st.SearchStrategy[str]:
    """Hostile text for a field of at most ``limit`` characters. Lone surrogates only where
    they can travel (escaped in JSON): a form's body is UTF-8, which cannot hold them."""
    alphabet = st.characters(codec=None if surrogates else "utf-8")
    return st.one_of(
        st.text(alphabet, max_size=30),
        st.sampled_from(HOSTILE_TEXT),
        _sized(limit),
        st.lists(st.sampled_from((*HOSTILE_TEXT, "Сургалт ")), min_size=1, max_size=6).map("".join),
    )


def number_texts() -> st.SearchStrategy[str]:
    """A number as typed into a form field."""
    return st.one_of(
        st.sampled_from(HOSTILE_NUMBERS),
        st.integers(min_value=-(2**80), max_value=2**80).map(str),
        st.floats().map(str),
        st.decimals().map(str),
    )


def json_numbers() -> st.SearchStrategy[object]:
    """A number as a JSON value (NaN and Infinity travel as Python's json writes them)."""
    return st.one_of(
        st.floats(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.sampled_from(HOSTILE_NUMBERS),
        st.none(),
        st.booleans(),
    )
