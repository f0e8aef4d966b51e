"""Every `purge1930s` command shown in the README, quickstart and contributing guide runs."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from purge1930s.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", ROOT / "docs" / "quickstart.md", ROOT / "docs" / "contributing.md"]


def _shell_lines() -> list[tuple[str, str]]:
    found = []
    for page in PAGES:
        for block in re.findall(r"```sh\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
            for line in block.splitlines():
                command = re.split(r"\s#\s", line)[0].strip()
                if command.startswith("purge1930s"):
                    found.append((page.name, command))
    return found


LINES = _shell_lines()


def test_the_pages_show_commands() -> None:
    assert len(LINES) >= 10


@pytest.mark.parametrize(("page", "command"), LINES)
def test_command_runs(page: str, command: str, tmp_path: Path) -> None:
    argv = shlex.split(command)[1:]
    if argv and argv[0] == "validate":
        # The reader's own file: stand in a valid one (an empty document).
        mine = tmp_path / argv[1]
        mine.write_text("{}", encoding="utf-8")
        argv[1] = str(mine)
    if "--out" in argv:  # write into the test's folder, not the working directory
        i = argv.index("--out") + 1
        argv[i] = str(tmp_path / argv[i])
    out = io.StringIO()
    assert 0 == main(argv, out=out), (page, command)
    assert out.getvalue().strip(), (page, command)
