"""Rewrite the output under every console example of README.md and docs/*.md from a real run.

    python scripts/refresh_readme.py          # rewrite them in place
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

from readme_examples import documented_files, prepare_root, refresh  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Refresh the README's console examples.")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the README is stale")
    args = parser.parse_args(argv)
    stale = []
    with tempfile.TemporaryDirectory(prefix="tollbook-readme-") as tmp:
        root = prepare_root(Path(tmp))
        for path in documented_files():
            text = path.read_text(encoding="utf-8")
            new = refresh(text, root)
            if new != text:
                stale.append(path.name)
                if not args.check:
                    path.write_text(new, encoding="utf-8")
    if not stale:
        print("console examples are up to date")
        return 0
    if args.check:
        print(f"console examples are stale in {', '.join(stale)}: run python scripts/refresh_readme.py")
        return 1
    print(f"console examples refreshed in {', '.join(stale)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
