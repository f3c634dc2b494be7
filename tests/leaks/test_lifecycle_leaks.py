"""The real command line through a meeting's life with a secret in its exempt item.

The sample meeting with exempt business gets a sentinel in its exempt minutes; then it is
saved, its minutes approved (a tagged version with the issued Word files committed), and
rendered, exported, searched, listed and compared. Nothing public carries the sentinel;
the confidential outputs do.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from tests.faults.kit import DRAFT, WITH_EXEMPT, git, mb
from tests.leaks.conftest import docx_text
from tests.strategies import DEFAULT_SENTINEL as SECRET


def _plant(archive: Path, tmp_path: Path) -> None:
    shown = mb("show", WITH_EXEMPT, "--yaml", "--confidential", archive=archive)
    data = yaml.safe_load(shown.out)
    exempt = [item for item in data["items"] if item.get("exemption")]
    assert exempt, "the sample meeting lost its exempt item"
    exempt[0].setdefault("body", []).append({"text": f"The Board agreed the {SECRET} terms."})
    exempt[0]["title"] = f"{exempt[0]['title']} {SECRET}"
    source = tmp_path / "secret.yaml"
    source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    saved = mb("save", WITH_EXEMPT, "--from", str(source), "-m", "Exempt minutes completed", archive=archive)
    assert saved.code == 0, saved.err


def _committed_docx(archive: Path) -> dict[str, bytes]:
    """Every Word file committed in the archive's newest version."""
    found = {}
    for path in git(archive, "ls-tree", "-r", "--name-only", "HEAD").split("\n"):
        if path.endswith(".docx"):
            found[path] = subprocess.run(["git", "-C", str(archive), "show", f"HEAD:{path}"],
                                         capture_output=True, check=True).stdout
    return found


def test_nothing_public_carries_the_exempt_text(archive: Path, tmp_path: Path) -> None:
    _plant(archive, tmp_path)
    published = mb("publish", DRAFT, archive=archive, env={"MINUTEBOOK_TODAY": "2027-01-05"})
    assert published.code == 0, published.err
    approved = mb("approve", WITH_EXEMPT, "--at", DRAFT, archive=archive,
                  env={"MINUTEBOOK_TODAY": "2027-01-20"})
    assert approved.code == 0, approved.err
    assert SECRET not in approved.out + approved.err
    for which in ("agenda", "minutes"):
        out = tmp_path / f"{which}.docx"
        assert mb("render", WITH_EXEMPT, which, "-o", str(out), archive=archive).code == 0
        assert SECRET not in docx_text(out.read_bytes())
        for fmt in ("markdown", "html", "json"):
            exported = mb("export", WITH_EXEMPT, "--format", fmt, "--document", which, archive=archive)
            assert exported.code == 0, exported.err
            assert SECRET not in exported.out
    secret_copy = tmp_path / "confidential.docx"
    assert mb("render", WITH_EXEMPT, "minutes", "--confidential", "-o", str(secret_copy), archive=archive).code == 0
    assert SECRET in docx_text(secret_copy.read_bytes())
    search = mb("search", SECRET, "--json", archive=archive)
    assert json.loads(search.out)["hits"] == []
    assert json.loads(mb("search", SECRET, "--json", "--confidential", archive=archive).out)["hits"]
    for command in (("history", WITH_EXEMPT), ("history", WITH_EXEMPT, "--json"), ("list",),
                    ("diff", WITH_EXEMPT, "1", "HEAD"), ("diff", WITH_EXEMPT, "1", "HEAD", "--json"),
                    ("show", WITH_EXEMPT), ("show", WITH_EXEMPT, "--json")):
        result = mb(*command, archive=archive)
        assert result.code == 0, (command, result.err)
        assert SECRET not in result.out + result.err, command
    assert SECRET not in git(archive, "log", "--all", "--format=%B")
    assert SECRET not in git(archive, "for-each-ref", "--format=%(refname) %(contents)", "refs/tags")
    assert SECRET not in git(archive, "log", "-p", "--all", "--", "*meeting.yaml")
    issued = _committed_docx(archive)
    public = {p: d for p, d in issued.items() if not p.endswith(".confidential.docx")}
    assert public, "approval committed no public Word files"
    for path, data in public.items():
        assert SECRET not in docx_text(data), path
    assert any(SECRET in docx_text(d) for p, d in issued.items() if p.endswith(".confidential.docx"))
