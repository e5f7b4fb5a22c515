"""The README stands alone in a fresh clone: it names nothing outside the repository, and every
link into docs/ (and between the docs) resolves."""
import re
from pathlib import Path

from conftest import ROOT

README = Path(ROOT) / "README.md"
DOCS = Path(ROOT) / "docs"
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def relative_links(path):
    return [t for t in LINK.findall(path.read_text()) if "://" not in t and not t.startswith("mailto:")]


def test_readme_names_nothing_outside_the_repository():
    text = README.read_text()
    assert "../shared" not in text and "/work/shared" not in text


def test_readme_links_the_three_docs_and_every_link_resolves():
    links = relative_links(README)
    for doc in ("docs/architecture.md", "docs/configuration.md", "docs/benchmarks.md"):
        assert doc in links, links
    missing = [t for t in links if not (README.parent / t).exists()]
    assert missing == [], missing


def test_links_between_docs_resolve():
    for doc in DOCS.glob("*.md"):
        missing = [t for t in relative_links(doc) if not (doc.parent / t).exists()]
        assert missing == [], (doc.name, missing)


def test_every_declared_key_is_in_the_configuration_reference():
    source = (Path(ROOT) / "jvm" / "src" / "main" / "java" / "io" / "ember" / "core" / "ConfigKeys.java").read_text()
    keys = re.findall(r'key\("(ember\.[A-Za-z.]+)"', source)
    reference = (DOCS / "configuration.md").read_text()
    rows = [line for line in reference.splitlines() if line.startswith("| ember.")]
    # a row may list related keys as "ember.a.b / c": the full key, or its last part in such a row
    missing = [k for k in keys if k not in reference
               and not any(" " + k.rsplit(".", 1)[-1] + " " in row.split("|")[1] for row in rows)]
    assert "ember.log.level" in keys and missing == [], missing


def test_readme_example_commands_do_not_write_into_the_working_directory():
    blocks = re.findall(r"```\n(.*?)```", README.read_text(), re.S)
    commands = "\n".join(blocks)
    assert not re.search(r">\s*secret\b", commands), "the cluster example writes ./secret"
    assert not re.search(r"--work-dir\s+work\b", commands), "the cluster example makes ./work"
