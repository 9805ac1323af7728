"""CI proves the README's set-up in a fresh Debian root only when what set-up depends on changed:
the gate in scripts/check-fresh-install.sh compares the committed inputs with the verified hash."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = "scripts/check-fresh-install.sh"


def run(clone: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", SCRIPT, *args], cwd=clone, capture_output=True, text=True, timeout=60)


def git(clone: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args], cwd=clone,
                   check=True, capture_output=True)


@pytest.fixture
def clone(tmp_path) -> Path:
    """A clone of the project whose verified hash matches its inputs."""
    target = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(target)], check=True)
    for name in ("scripts/check-fresh-install.sh",):  # the gate as it is in this working tree
        (target / name).write_bytes((REPO / name).read_bytes())
    current = run(target, "--inputs-hash").stdout.strip()
    (target / ".ci/fresh-install.verified").write_text(f"{current}  verified\n")
    return target


def test_unchanged_inputs_do_not_need_the_fresh_check(clone):
    result = run(clone, "--needed")
    assert result.returncode == 1 and "unchanged" in result.stdout
    ci = run(clone, "--if-changed")  # what .ci/run calls: returns at once
    assert ci.returncode == 0 and "not needed" in ci.stdout


@pytest.mark.parametrize("path", ["installer/apt-test.txt", "requirements.lock", "scripts/setup.sh",
                                  "pyproject.toml", "installer/new-list.txt"])
def test_a_committed_change_to_a_set_up_input_needs_the_fresh_check(clone, path):
    before = run(clone, "--inputs-hash").stdout.strip()
    target = clone / path
    target.write_text((target.read_text() if target.exists() else "") + "\n# changed\n")
    git(clone, "add", path)
    git(clone, "commit", "-q", "-m", "change a set-up input")
    assert run(clone, "--inputs-hash").stdout.strip() != before
    result = run(clone, "--needed")
    assert result.returncode == 0 and "changed" in result.stdout


def test_other_changes_do_not_need_it(clone):
    (clone / "README.md").write_text("changed\n")
    (clone / ".ci/fresh-install.verified").write_text((clone / ".ci/fresh-install.verified").read_text() + "# note\n")
    git(clone, "commit", "-q", "-am", "docs only")
    assert run(clone, "--needed").returncode == 1


def test_no_verified_hash_at_all_needs_it(clone):
    (clone / ".ci/fresh-install.verified").unlink()
    result = run(clone, "--needed")
    assert result.returncode == 0 and "never" in result.stdout


def test_an_unknown_argument_is_refused_and_checks_nothing(clone):
    result = run(clone, "--fast")
    assert result.returncode == 2 and "--fast" in result.stderr
