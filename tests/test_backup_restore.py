"""bin/backup and bin/restore: a dated dump of a small PostgreSQL database and the media
folders, put back over later changes, on a throwaway cluster (bin/with-postgres)."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[1]
# Keeps the cluster of bin/with-postgres up until its input is closed.
HOLD = "import os, sys; print(os.environ['DATABASE_URL'], flush=True); sys.stdin.read()"

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def database_url():
    """A small database of its own on a throwaway PostgreSQL cluster: one table, two rows."""
    holder = subprocess.Popen(
        [str(ROOT / "bin" / "with-postgres"), sys.executable, "-c", HOLD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    server_url = holder.stdout.readline().strip()
    assert server_url.startswith("postgres://"), "bin/with-postgres did not start"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute("CREATE DATABASE shelf")
    url = server_url.rsplit("/", 1)[0] + "/shelf"
    with psycopg.connect(url) as connection:
        connection.execute("CREATE TABLE product (id serial PRIMARY KEY, title text NOT NULL)")
        connection.execute(
            "INSERT INTO product (title) VALUES ('Miến dong Bình Liêu'), ('Mật ong hoa Ban')"
        )
    yield url
    holder.stdin.close()
    holder.wait(timeout=60)


def _titles(url: str) -> list[str]:
    with psycopg.connect(url) as connection:
        return [row[0] for row in connection.execute("SELECT title FROM product ORDER BY id")]


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(ROOT / "bin" / args[0]), *args[1:]],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def site(tmp_path, database_url):
    """Media folders with a product photo and a certificate scan, and where backups go."""
    media, private = tmp_path / "media", tmp_path / "private"
    (media / "catalogue").mkdir(parents=True)
    (media / "catalogue" / "honey.jpg").write_bytes(b"photo of honey")
    (private / "certificates").mkdir(parents=True)
    (private / "certificates" / "scan.pdf").write_bytes(b"%PDF scan of the certificate")
    env = {
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
        "BACKUP_DIR": str(tmp_path / "backups"),
        "S3_BUCKET": "",
    }
    return {"env": env, "media": media, "private": private, "url": database_url}


def test_a_backup_restores_the_database_and_both_media_folders_over_later_changes(site):
    backup = _run("backup", env=site["env"])
    assert backup.returncode == 0, backup.stderr
    folder = Path(backup.stdout.strip())
    assert sorted(p.name for p in folder.iterdir()) == [
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
        "private.tar.gz",
    ]

    # Later: a row changed and one added, a photo deleted, a stray file, a scan overwritten.
    with psycopg.connect(site["url"]) as connection:
        connection.execute("UPDATE product SET title = 'changed' WHERE id = 1")
        connection.execute("INSERT INTO product (title) VALUES ('Trà hoa vàng')")
    (site["media"] / "catalogue" / "honey.jpg").unlink()
    (site["media"] / "stray.jpg").write_bytes(b"later upload")
    (site["private"] / "certificates" / "scan.pdf").write_bytes(b"overwritten")

    restore = _run("restore", "--yes", str(folder), env=site["env"])

    assert restore.returncode == 0, restore.stderr
    assert _titles(site["url"]) == ["Miến dong Bình Liêu", "Mật ong hoa Ban"]
    assert (site["media"] / "catalogue" / "honey.jpg").read_bytes() == b"photo of honey"
    assert not (site["media"] / "stray.jpg").exists()
    scan = site["private"] / "certificates" / "scan.pdf"
    assert scan.read_bytes() == b"%PDF scan of the certificate"
    assert "search_index --rebuild" in restore.stderr


def test_restore_asks_for_yes_and_refuses_a_damaged_backup_without_touching_anything(site):
    folder = Path(_run("backup", env=site["env"]).stdout.strip())
    with psycopg.connect(site["url"]) as connection:
        connection.execute("INSERT INTO product (title) VALUES ('added after the backup')")
    before = _titles(site["url"])

    unconfirmed = _run("restore", str(folder), env=site["env"])
    with open(folder / "database.dump", "ab") as dump:
        dump.write(b"tampered")
    damaged = _run("restore", "--yes", str(folder), env=site["env"])

    assert unconfirmed.returncode == 2 and "--yes" in unconfirmed.stderr
    assert damaged.returncode == 1 and "does not match its SHA256SUMS" in damaged.stderr
    assert _titles(site["url"]) == before
    assert (site["media"] / "catalogue" / "honey.jpg").exists()


def test_backups_are_private_and_only_the_newest_are_kept(site):
    env = {**site["env"], "BACKUP_KEEP": "1"}
    backups = Path(env["BACKUP_DIR"])
    backups.mkdir()
    old = backups / "20250101T000000Z"
    old.mkdir()

    result = _run("backup", env=env)

    assert result.returncode == 0, result.stderr
    assert [p.name for p in backups.iterdir()] == [Path(result.stdout.strip()).name]
    assert (Path(result.stdout.strip()) / "database.dump").stat().st_mode & 0o077 == 0


def test_backup_refuses_a_database_that_is_not_postgresql(site):
    result = _run("backup", env={**site["env"], "DATABASE_URL": "sqlite:////tmp/db.sqlite3"})

    assert result.returncode == 2
    assert "not a PostgreSQL database" in result.stderr
