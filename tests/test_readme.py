"""The README's set-up commands stay true: CI runs exactly the README's test command."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_readme_has_two_one_line_setup_commands():
    commands = _readme_commands()
    assert len(commands) == 2
    assert commands[0].endswith("kg build seeds/")
    assert "'.[test]'" in commands[1] and "pytest" in commands[1]


def test_readme_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _readme_commands()[1] in ci.splitlines()


def test_readme_names_every_named_query():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for rq in (ROOT / "queries").glob("*.rq"):
        assert f"`{rq.stem}`" in text
