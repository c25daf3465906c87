"""The command line answers in German, argparse's own messages included."""

from __future__ import annotations

import pytest

from vielfalt_desktop.cli import main
from vielfalt_desktop.cli.parser import build_parser, german_error


def _fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["demo", "--contacts", "abc"], "vielfalt demo: --contacts: „abc“ ist keine ganze Zahl"),
        (["demo", "--contacts", "0"], "vielfalt demo: --contacts: muss mindestens 1 sein"),
        (["init"], "vielfalt init: Es fehlt: --role, --name"),
        (["init", "--role", "x", "--name", "a"], "vielfalt init: --role: „x“ gibt es nicht"),
        (["stats", "--foo"], "vielfalt: Unbekannte Angaben: --foo"),
        (["nix"], "vielfalt: BEFEHL: „nix“ gibt es nicht"),
    ],
)
def test_usage_errors_are_german(argv: list[str], expected: str, capsys) -> None:
    err = _fails(argv, capsys)
    assert err.startswith("Aufruf: vielfalt")
    assert expected in err
    for english in ("usage", "error", "invalid"):
        assert english not in err


def test_help_is_german(capsys) -> None:
    for argv in (["--help"], ["demo", "--help"], ["peers", "remove", "--help"]):
        with pytest.raises(SystemExit) as exit_:
            build_parser().parse_args(argv)
        assert exit_.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith("Aufruf: vielfalt")
        assert "diese Hilfe zeigen und beenden" in out
        for english in ("usage:", "options:", "positional arguments", "show this help"):
            assert english not in out


def test_unknown_messages_pass_through() -> None:
    assert german_error("something new") == "something new"
