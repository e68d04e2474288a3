"""Every check code is reachable and tested: each is declared by a check that a build (and
``tollbook check``) applies, each check declares exactly the codes its module can raise, and each
code has a valid/invalid twin (tests/bad_input and tests/core/test_rule_twins.py)."""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

from tollbook.contract.codes import Code, codes_of
from tollbook.validate.checks import CHECKS, raised_by

TESTS = Path(__file__).resolve().parents[1]


def test_every_code_has_a_meaning():
    assert all(code.meaning.endswith(".") and code.value == code.value.lower() for code in Code)
    assert len({code.meaning for code in Code}) == len(Code)


def test_every_code_is_raised_by_some_check():
    assert [code for code, checks in raised_by().items() if not checks] == []


def test_every_check_declares_the_codes_its_module_names():
    """A code named in a check's module (outside the translation helpers of yaml_lines, whose
    codes read_located reports) is declared by one of that module's checks, and no check declares
    a code its module never names."""
    by_module: dict[str, set[Code]] = {}
    for checks in CHECKS.values():
        for check in checks:
            assert codes_of(check), f"{check.__module__}.{check.__name__} declares no codes"
            by_module.setdefault(check.__module__, set()).update(codes_of(check))
    for module, declared in by_module.items():
        source = inspect.getsource(sys.modules[module])
        named = {Code[name] for name in re.findall(r"\bCode\.([A-Z_]+)\b", source)}
        if module == "tollbook.extract.format_errors":  # read_located reports yaml_lines' codes
            named |= {Code.YAML_SYNTAX, Code.YAML_ALIAS, Code.NESTING_TOO_DEEP}
        assert declared == named, module


def _twin_codes() -> set[str]:
    sys.path[:0] = [str(TESTS / "bad_input"), str(TESTS / "core")]
    try:
        import test_bad_input_cases
        import test_code_twins
        import test_rule_twins
    finally:
        del sys.path[:2]
    cases = {row[4] for case in test_bad_input_cases.CASES for row in case.expected}
    return cases | set(test_code_twins.CODES) | {str(c) for c in test_rule_twins.CODES}


def test_every_code_has_a_valid_invalid_twin():
    assert sorted(set(map(str, Code)) - _twin_codes()) == []


def test_the_architecture_page_lists_the_codes():
    from tollbook.validate.checks import codes_table

    text = (TESTS.parent / "docs/architecture.md").read_text(encoding="utf-8")
    listed = text.split("<!-- codes:start (generated from tollbook/validate/checks.py: codes_table) -->\n")[1]
    assert listed.split("<!-- codes:end -->")[0] == codes_table()
