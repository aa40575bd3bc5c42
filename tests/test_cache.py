"""The on-disk cache: persistence across instances, namespaces, graceful failure."""

from __future__ import annotations

from pathlib import Path

from factcheck.cache import Cache, content_key


def test_cache_persists_values_across_instances(tmp_path: Path) -> None:
    first = Cache(tmp_path)
    first.put_many("ns", {"k": b"v"})
    first.close()
    assert Cache(tmp_path).get_many("ns", ["k", "missing"]) == {"k": b"v"}


def test_cache_keeps_namespaces_apart(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put_many("a", {"k": b"1"})
    assert cache.get_many("b", ["k"]) == {}


def test_cache_without_directory_lives_in_memory_only(tmp_path: Path) -> None:
    cache = Cache(None)
    cache.put_many("ns", {"k": b"v"})
    assert cache.get_many("ns", ["k"]) == {"k": b"v"}
    assert not cache.persistent
    assert list(tmp_path.iterdir()) == []


def test_cache_falls_back_to_memory_when_directory_is_unusable(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = Cache(blocker / "sub")
    cache.put_many("ns", {"k": b"v"})
    assert not cache.persistent
    assert cache.get_many("ns", ["k"]) == {"k": b"v"}


def test_cache_survives_a_corrupt_database_file(tmp_path: Path) -> None:
    (tmp_path / "cache-v1.sqlite").write_bytes(b"this is not sqlite" * 100)
    cache = Cache(tmp_path)
    cache.put_many("ns", {"k": b"v"})
    assert cache.get_many("ns", ["k"]) == {"k": b"v"}


def test_content_key_separates_parts() -> None:
    assert content_key("ab", "c") != content_key("a", "bc")
    assert content_key("model", "text") == content_key("model", "text")
