"""The chapter cache key follows the installed libraries, not only the repository's files."""

from __future__ import annotations

from importlib import metadata

from analysis.book import content


def test_the_key_names_every_runtime_dependency_with_its_version():
    lines = content.dependency_versions().splitlines()
    names = [line.split("==")[0] for line in lines]
    assert "vl-convert-python" in names and "fontpkg-noto-sans-arabic" in names
    assert f"altair=={metadata.version('altair')}" in lines
    assert "pytest" not in names  # a test tool cannot change a chapter


def test_upgrading_a_library_changes_the_chapter_key(monkeypatch):
    before = content.package_digest()
    real = metadata.version

    def upgraded(name: str) -> str:
        return "99.0" if name == "vl-convert-python" else real(name)

    monkeypatch.setattr(content.metadata, "version", upgraded)
    assert content.package_digest() != before
