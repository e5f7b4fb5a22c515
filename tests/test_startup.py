"""Start-up: the class data sharing archive of the engine's classes (no JVM is started)."""

import os

import pytest

from ember import java_gateway as g


@pytest.fixture
def cds(tmp_path, monkeypatch):
    monkeypatch.setenv("EMBER_CDS_DIR", str(tmp_path / "cds"))
    monkeypatch.delenv("EMBER_CDS", raising=False)
    jar = tmp_path / "engine.jar"
    jar.write_bytes(b"PK fake jar")
    return str(jar), tmp_path / "cds"


def flag(flags, prefix):
    return next(f[len(prefix):] for f in flags if f.startswith(prefix))


def test_first_run_records_the_archive_and_later_runs_map_it(cds):
    jar, folder = cds
    first = g.cds_flags(jar, "/usr/bin/java")
    recording = flag(first, "-XX:ArchiveClassesAtExit=")
    assert recording.endswith(".%d.tmp" % os.getpid())
    assert g.cds_flags(jar, "/usr/bin/java") == []   # while that recording is under way
    with open(recording, "wb") as f:                 # what the JVM writes as it exits
        f.write(b"archive")
    archive = recording[:-len(".%d.tmp" % os.getpid())]
    g._adopt_recordings(archive)                     # (registered with atexit)
    assert open(archive, "rb").read() == b"archive"
    assert flag(g.cds_flags(jar, "/usr/bin/java"), "-XX:SharedArchiveFile=") == archive


def test_recording_of_a_dead_driver_is_adopted_once_settled(cds):
    jar, folder = cds
    archive = flag(g.cds_flags(jar, "/usr/bin/java"), "-XX:ArchiveClassesAtExit=").rsplit(
        ".", 2)[0]
    orphan = "%s.%d.tmp" % (archive, 2 ** 22 + 7)    # no such process
    with open(orphan, "wb") as f:
        f.write(b"archive")
    g._adopt_recordings(archive)
    assert not os.path.exists(archive)               # written just now: the JVM may be at it
    os.utime(orphan, (1, 1))
    g._adopt_recordings(archive)
    assert os.path.exists(archive) and not os.path.exists(orphan)


def test_a_changed_jar_gets_its_own_archive_and_old_ones_are_pruned(cds):
    jar, folder = cds
    archives = []
    for i in range(g.CDS_KEEP + 2):
        with open(jar, "ab") as f:
            f.write(b"x")                            # a rebuild: new size
        recording = flag(g.cds_flags(jar, "/usr/bin/java"), "-XX:ArchiveClassesAtExit=")
        with open(recording, "wb") as f:
            f.write(b"archive")
        archive = recording.rsplit(".", 2)[0]
        g._adopt_recordings(archive)
        archives.append(archive)
        os.utime(archive, (i + 1, i + 1))
    g.cds_flags(jar, "/usr/bin/java")                # uses (and touches) the newest
    assert len(set(archives)) == len(archives)
    assert sorted(p.name for p in folder.glob("*.jsa")) == \
        sorted(os.path.basename(a) for a in archives[-g.CDS_KEEP:])


def test_off_for_directories_missing_files_and_when_disabled(cds, tmp_path, monkeypatch):
    jar, _ = cds
    assert g.cds_flags(str(tmp_path), "/usr/bin/java") == []
    assert g.cds_flags(str(tmp_path / "missing.jar"), "/usr/bin/java") == []
    monkeypatch.setenv("EMBER_CDS", "0")
    assert g.cds_flags(jar, "/usr/bin/java") == []
