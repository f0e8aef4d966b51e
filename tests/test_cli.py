"""The command line: output a newcomer can read, and exit codes scripts can trust."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from purge1930s import load
from purge1930s.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_overview() -> None:
    code, text = run()
    assert 0 == code
    for part in ("people", "Trial of the Sixteen", "1934-12-01", "Try:"):
        assert part in text
    # Yezhov was tried alone: the count must not read "1 defendants".
    assert "(1 defendant, 1 sentenced to death)" in text


@pytest.mark.parametrize(
    ("name", "bench"),
    [
        ("Trial of the Twenty-One", 21),
        ("Trial of the Sixteen", 16),
        ("Trial of the Seventeen", 17),
        ("tukhachevsky-trial", 8),
        ("leningrad-centre-trial", 14),
        ("moscow-centre-trial", 19),
    ],
)
def test_trial_prints_the_whole_bench(name: str, bench: int) -> None:
    code, text = run("trial", name)
    assert 0 == code
    assert f"Defendants ({bench}):" in text
    assert f"{bench:>3}. " in text


def test_person_in_any_spelling() -> None:
    for name in ("Yezhov", "Ежов", "EZHOV"):
        code, text = run("person", name)
        assert 0 == code
        assert "Nikolai Yezhov" in text
        assert "1940-02-04" in text


def test_person_lists_posts_in_order_of_start() -> None:
    # Postyshev's posts are stored in the order they were researched, not by date.
    code, text = run("person", "pavel-postyshev")
    assert 0 == code
    lines = text.splitlines()
    posts = lines[lines.index("  posts:") + 1 :]
    posts = posts[: next(i for i, line in enumerate(posts) if not line.startswith("    "))]
    starts = [line.split()[0] for line in posts]
    assert len(starts) >= 3
    assert starts == sorted(starts)


def test_person_with_no_recorded_dates_says_unknown() -> None:
    # Stalin's October 1937 list gives only the surname; no page read dates his life.
    code, text = run("person", "yeremin")
    assert 0 == code
    assert "born: unknown   died: unknown" in text


def test_timeline_window() -> None:
    code, text = run("timeline", "--from", "1936-08", "--to", "1936-08")
    assert 0 == code
    lines = text.splitlines()
    assert all(
        line[:7] == "1936-08" or " to 1936-08" in line or line.startswith("1936-0")
        for line in lines
    )
    assert any("Trial of the Sixteen opens" in line for line in lines)
    assert any("xecution" in line for line in lines)


def test_stats_and_explain() -> None:
    code, text = run("stats")
    assert 0 == code
    assert "98 of 139" in text
    code, text = run("stats", "--explain", "marshals-of-the-soviet-union-repressed")
    assert 0 == code
    assert "Counted (3)" in text
    assert "Mikhail Tukhachevsky" in text


def test_explain_central_committee_lists_everyone_counted() -> None:
    """The Central Committee figure names each member counted, and says what is missing."""
    r = load().recompute("central-committee-17th-congress-repressed")
    code, text = run("stats", "--explain", "central-committee-17th-congress-repressed")
    assert 0 == code
    assert "published: 98 of 139" in text
    assert f"Counted ({r.value})" in text
    assert "Nikolai Bukharin" in text
    counted = text.split(f"Counted ({r.value}):")[1].split("Undetermined")[0]
    assert r.value == len([line for line in counted.splitlines() if line.strip()])
    # Every member of the cohort appears exactly once: counted, undetermined or not counted.
    n = len(r.undetermined)
    assert f"Undetermined ({n})" in text
    undetermined = text.split(f"Undetermined ({n})")[1].split("Not counted")[0]
    assert n == len([line for line in undetermined.splitlines()[1:] if line.strip()])
    assert f"Not counted ({r.total - r.value - n})" in text
    if not r.complete:
        assert f"{r.missing} not yet in the data" in text
    low, high = r.bounds
    assert f"between {low} and {high}" in text
    # The published figure lies above anything the records allow: the CLI says so.
    assert r.published is not None
    assert r.published > high
    assert f"the published {r.published} lies outside" in text


def test_a_fate_without_a_date_is_shown_as_such() -> None:
    """Someone known to have been shot on an unknown day is not reported as 'not recorded'."""
    ds = load()
    cohort = ds.recompute("central-committee-17th-congress-repressed").cohort
    undated = [ds.people[i] for i in cohort if ds.people[i].died is None]
    undated = [p for p in undated if p.death_cause is not None]
    assert undated, "the data should hold at least one fate without a date"
    p = undated[0]
    code, text = run("person", p.id)
    assert 0 == code
    assert f"died: date unknown ({p.death_cause.value})" in text
    code, text = run("stats", "--explain", "central-committee-17th-congress-repressed")
    line = next(line for line in text.splitlines() if line.strip().startswith(p.name))
    assert p.death_cause.value in line
    assert "not recorded" not in line.replace("date not recorded", "")


def test_not_found_is_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert 1 == main(["person", "Nobody Atall"], out=io.StringIO())
    assert "no person matches" in capsys.readouterr().err


def test_ambiguous_is_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert 1 == main(["person", "Lurye"], out=io.StringIO())
    assert "more than one person" in capsys.readouterr().err


def test_bad_date_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main(["timeline", "--from", "August 1936"], out=io.StringIO())
    assert "invalid historical date" in capsys.readouterr().err


def test_usage_error_is_exit_2() -> None:
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert 2 == info.value.code


def test_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"sources": [{"id": "x-src", "kind": "memoir", "title": "T"}]}))
    assert 0 == main(["validate", str(good)], out=io.StringIO())
    bad = tmp_path / "bad.json"
    bad.write_text('{"people": [{"id": "x", "name": "X", "born": "1937-13"}]}')
    assert 1 == main(["validate", str(bad)], out=io.StringIO())
    err = capsys.readouterr().err
    assert str(bad) in err
    assert "born" in err


def test_python_dash_m() -> None:
    """python -m purge1930s runs the same program as a subprocess."""
    done = subprocess.run(
        [sys.executable, "-m", "purge1930s", "trial", "Trial of the Seventeen"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert 0 == done.returncode, done.stderr
    assert "Defendants (17)" in done.stdout


def test_body_without_id_lists_the_bodies() -> None:
    """`purge1930s body` lists every body with its term and, where elected, its seats."""
    ds = load()
    code, text = run("body")
    assert 0 == code
    for b in ds.bodies:
        assert f"[{b.id}]" in text
    assert "71 members, 68 candidates" in text


def test_body_at_a_date_lists_who_can_have_sat_and_their_fate() -> None:
    """Members at a date, grouped by role, each with what happened to them."""
    ds = load()
    sitting = ds.members("central-committee-17th-congress", at="1938-01-01")
    code, text = run("body", "central-committee-17th-congress", "--at", "1938-01-01")
    assert 0 == code
    assert f"on 1938-01-01: {len(sitting)} " in text
    # Bukharin's seat ended on 27 February 1937; Stalin sat throughout.
    assert "Nikolai Bukharin" not in text
    stalin = next(line for line in text.splitlines() if "Joseph Stalin" in line)
    assert "1953-03-05" in stalin
    members = sum(m.role.value == "member" for m in sitting)
    assert f"members ({members}):" in text
    assert f"candidates ({len(sitting) - members}):" in text


def test_body_says_how_many_elected_places_the_records_fill() -> None:
    """For a body elected as a whole, the view compares the seats with the records."""
    ds = load()
    b = ds.bodies["central-committee-17th-congress"]
    elected = [m for m in ds.members(b.id) if m.start == b.start]
    code, text = run("body", b.id)
    assert 0 == code
    counts = ", ".join(
        f"{sum(m.role is s.role for m in elected)} of {s.count} {s.role.value}s" for s in b.seats
    )
    assert f"elected on {b.start}, in the records: {counts}" in text
    missing = sum(s.count for s in b.seats) - len(elected)
    if missing:
        assert f"{missing} not yet in the data" in text
    else:
        assert "not yet in the data" not in text
    # A body without seats (appointed, not elected as a whole) has no such line.
    assert "elected on" not in run("body", "politburo")[1]


def test_body_by_name_and_unknown_body() -> None:
    code, text = run("body", "Politburo")
    assert 0 == code
    assert "[politburo]" in text
    assert "Sergei Kirov" in text
    assert 1 == run("body", "no-such-body")[0]
