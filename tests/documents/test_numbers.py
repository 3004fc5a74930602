"""Document numbers and summaries match however they are typed."""

import pytest

from documents.numbers import folded_text, number_key


@pytest.mark.parametrize(
    "typed", ["42/2022/NĐ-CP", "42/2022/nd-cp", "42 2022 ND CP", "42/2022/ND-CP ", "42-2022-nđ-cp"]
)
def test_number_key_ignores_case_accents_and_punctuation(typed):
    assert number_key(typed) == "422022ndcp"


def test_folded_text():
    assert folded_text("  Quy hoạch,   SỬ DỤNG đất. ") == "quy hoach su dung dat"
