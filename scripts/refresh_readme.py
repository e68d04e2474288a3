"""Rewrite the output under every README console example from a real run.

    python scripts/refresh_readme.py          # rewrite README.md in place
    python scripts/refresh_readme.py --check  # exit 1 if any output is stale

Runs against a fresh build of dataset/ in a temporary root (see readme_examples.py), so it
never touches releases/ of the repository.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from readme_examples import REPO, prepare_root, refresh  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Refresh the README's console examples.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the README is stale")
    args = parser.parse_args(argv)
    readme = REPO / "README.md"
    text = readme.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="tollbook-readme-") as tmp:
        new = refresh(text, prepare_root(Path(tmp)))
    if new == text:
        print("README.md examples are up to date")
        return 0
    if args.check:
        print("README.md examples are stale: run python scripts/refresh_readme.py")
        return 1
    readme.write_text(new, encoding="utf-8")
    print("README.md examples refreshed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
