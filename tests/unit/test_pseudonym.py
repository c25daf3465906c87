"""Pseudonym codes ``K-XXXX-XXXC``: shape, normalisation, typo detection and randomness."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from vielfalt_desktop.domain import pseudonym
from vielfalt_desktop.domain.pseudonym import ALPHABET, is_valid, new_code, normalize

# Valid codes computed once by hand (payload + weighted mod-31 check character) and pinned, so
# a change of the check algorithm or the alphabet shows up as a failing test.
KNOWN_VALID = (
    "K-7QX2-M4AJ",
    "K-2345-678J",
    "K-ZZZZ-ZZZ6",
    "K-HJKM-NPQM",
    "K-A9B8-CVW5",
    "K-W3R5-T4YX",
)
_CHAR = "[23456789ABCDEFGHJKMNPQRSTUVWXYZ]"
CANONICAL = re.compile(rf"^K-{_CHAR}{{4}}-{_CHAR}{{4}}$")


def _body(code: str) -> str:
    """The eight characters after ``K-`` without the dash (7 payload + 1 check)."""
    compact = code.replace("-", "")
    assert compact[0] == "K"
    return compact[1:]


def _code(body: str) -> str:
    return f"K-{body[:4]}-{body[4:]}"


def test_alphabet_has_no_lookalike_characters() -> None:
    assert len(ALPHABET) == len(set(ALPHABET)) == 31
    for confusable in "01OIL":
        assert confusable not in ALPHABET


@pytest.mark.parametrize("code", KNOWN_VALID)
def test_known_codes_are_valid_and_canonical(code: str) -> None:
    assert is_valid(code)
    assert normalize(code) == code


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("k-7qx2-m4aj", "K-7QX2-M4AJ"),  # lower case
        ("K7QX2M4AJ", "K-7QX2-M4AJ"),  # no dashes
        ("k7qx2m4aj", "K-7QX2-M4AJ"),
        ("K 7QX2 M4AJ", "K-7QX2-M4AJ"),  # spaces instead of dashes
        ("  k - 7qx2 - m4aj \n", "K-7QX2-M4AJ"),  # stray whitespace around everything
        ("K_A9B8_CVW5", "K-A9B8-CVW5"),  # underscores
        ("KA9-B8C-VW5", "K-A9B8-CVW5"),  # dashes in the wrong places
        ("k\t2345\t678j", "K-2345-678J"),
    ],
)
def test_normalize_accepts_sloppy_typing(typed: str, expected: str) -> None:
    assert normalize(typed) == expected
    assert is_valid(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "K",
        "K-7QX2-M4A",  # one character short
        "K-7QX2-M4AJJ",  # one character long
        "7QX2-M4AJ",  # prefix missing
        "Q-7QX2-M4AJ",  # wrong prefix
        "KK-7QX2-M4AJ",
        "K-7QX0-M4AJ",  # 0 is not in the alphabet
        "K-7QXO-M4AJ",  # nor O
        "K-7QX1-M4AJ",  # nor 1
        "K-7QXI-M4AJ",  # nor I
        "K-7QXL-M4AJ",  # nor L
        "K-7QX2-M4AJ!",
        "K-7QÄ2-M4AJ",
        "K.7QX2.M4AJ",
    ],
)
def test_normalize_rejects_malformed_input(typed: str) -> None:
    assert normalize(typed) is None
    assert not is_valid(typed)


def test_check_character_is_verified() -> None:
    # Every check character except the right one is refused.
    body = _body("K-7QX2-M4AJ")
    wrong = [c for c in ALPHABET if c != body[7]]
    assert not any(is_valid(_code(body[:7] + c)) for c in wrong)


@pytest.mark.parametrize("code", KNOWN_VALID)
def test_substitutions_at_undoubled_positions_are_rejected(code: str) -> None:
    body = _body(code)
    for position in (1, 3, 5, 7):
        for replacement in ALPHABET:
            if replacement == body[position]:
                continue
            typo = body[:position] + replacement + body[position + 1 :]
            assert not is_valid(_code(typo)), (code, position, replacement)


@pytest.mark.parametrize("code", KNOWN_VALID[:3])
def test_every_single_substitution_is_rejected(code: str) -> None:
    body = _body(code)
    undetected = []
    for position in range(len(body)):
        for replacement in ALPHABET:
            if replacement == body[position]:
                continue
            typo = body[:position] + replacement + body[position + 1 :]
            if is_valid(_code(typo)):
                undetected.append(_code(typo))
    assert undetected == []


def _check_char(payload: str) -> str:
    """The one character that makes ``payload`` a valid code (found through is_valid)."""
    matches = [c for c in ALPHABET if is_valid(_code(payload + c))]
    assert len(matches) == 1, payload
    return matches[0]


def test_adjacent_transpositions_are_always_rejected() -> None:
    """Exhaustive: every ordered pair of distinct characters at every adjacent position.

    With distinct weights and a prime modulus every swap of two different characters changes
    the weighted sum, so all of them are caught. Swapping the last payload character with the
    check character is counted too.
    """
    detected = total = 0
    for base in ("7QX2M4A", "HJKMNPQ"):
        for position in range(6):  # both characters in the payload
            for a in ALPHABET:
                for b in ALPHABET:
                    if a == b:
                        continue
                    payload = base[:position] + a + b + base[position + 2 :]
                    body = payload + _check_char(payload)
                    swapped = body[:position] + b + a + body[position + 2 :]
                    total += 1
                    detected += not is_valid(_code(swapped))
        for a in ALPHABET:  # the last payload character and the check character
            payload = base[:6] + a
            check = _check_char(payload)
            if check == a:
                continue
            total += 1
            detected += not is_valid(_code(base[:6] + check + a))
    rate = detected / total
    assert total > 11_000
    assert rate == 1.0, rate


def test_new_codes_have_the_canonical_shape_and_are_valid() -> None:
    for _ in range(200):
        code = new_code()
        assert CANONICAL.match(code), code
        assert is_valid(code)
        assert normalize(code) == code


def test_new_codes_are_random() -> None:
    codes = [new_code() for _ in range(1000)]
    # 31**7 ≈ 27.5 billion payloads: a collision among 1000 codes has a probability of about
    # 2e-5; a generator with a small or repeating state fails this badly.
    assert len(set(codes)) == 1000
    # Every character turns up at every payload position (expected ~32 times each; the chance
    # of a character missing somewhere by accident is below 1e-12).
    for position in range(7):
        seen = Counter(_body(code)[position] for code in codes)
        assert set(seen) == set(ALPHABET), position
        assert max(seen.values()) < 80, (position, seen.most_common(3))


def test_new_code_does_not_depend_on_anything_but_randomness(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The code comes from the secrets module: with a rigged source the payload follows it.
    picks = iter("7QX2M4A")
    monkeypatch.setattr(pseudonym.secrets, "choice", lambda _alphabet: next(picks))
    assert new_code() == "K-7QX2-M4AJ"
