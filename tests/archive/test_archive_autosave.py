"""Autosaved drafts outside the history."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive import AutosaveStore, autosave_key


def test_put_get_entries_discard(tmp_path: Path) -> None:
    store = AutosaveStore(tmp_path / "autosave")
    key = autosave_key(tmp_path / "archive", "scrutiny-board/2025-01-31")
    assert store.get(key) is None
    assert store.entries() == []
    store.put(key, b"draft 1")
    store.put(key, b"draft 2")
    assert store.get(key) == b"draft 2"
    [(listed, when)] = store.entries()
    assert listed == key
    assert when.tzinfo is not None
    assert [p.name for p in (tmp_path / "autosave").iterdir() if "mbtmp" in p.name] == []
    store.discard(key)
    store.discard(key)
    assert store.get(key) is None
    assert store.entries() == []


def test_keys_separate_archives_and_meetings(tmp_path: Path) -> None:
    one = autosave_key(tmp_path / "one", "planning/2025-02-03")
    two = autosave_key(tmp_path / "two", "planning/2025-02-03")
    other = autosave_key(tmp_path / "one", "planning/2025-02-03-2")
    assert len({one, two, other}) == 3
    assert one == autosave_key(tmp_path / "one" / ".." / "one", "planning/2025-02-03")
    store = AutosaveStore(tmp_path / "drafts")
    store.put(one, b"1")
    store.put(two, b"2")
    assert (store.get(one), store.get(two)) == (b"1", b"2")
    assert sorted(k for k, _ in store.entries()) == sorted([one, two])


def test_default_folder_is_in_the_user_state_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    store = AutosaveStore()
    store.put("k", b"x")
    assert store.folder == tmp_path / "state" / "minutebook" / "autosave"
    assert store.get("k") == b"x"
