"""Every docstring example in the package runs (as oxigraph's test_doc does)."""

import doctest
import importlib
import pkgutil

import pytest

import kg

MODULES = sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg.") if m.name != "kg.cli")


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module)
    assert result.failed == 0


def test_doctests_exist_for_text_helpers() -> None:
    assert doctest.testmod(importlib.import_module("kg.text")).attempted >= 3
