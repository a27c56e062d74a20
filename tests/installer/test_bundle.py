"""The Linux bundle as a school's ICT coordinator gets it: unpack the tar.gz, run ./verzuimdesk.

`installer/build.py` builds into a temporary folder; the archive is unpacked elsewhere and every
command runs from that copy with the cwd in a temporary folder and no PYTHON* variables, so nothing of
the source tree or of this Python can help it. Where the machine allows a private mount namespace,
the source tree and site-packages are even hidden from it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from verzuimdesk import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "bundel-wachtwoord-42"
LIGHTS = {"green", "orange", "red", "grey"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build")
    env = {k: v for k, v in os.environ.items() if not k.startswith("VERZUIMDESK_")}
    done = subprocess.run([sys.executable, str(ROOT / "installer" / "build.py"), "--dist", str(out / "dist"),
                           "--work", str(out / "work")], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    found = list((out / "dist").glob(f"verzuimdesk-{__version__}-linux-*.tar.gz"))
    assert len(found) == 1, sorted(p.name for p in (out / "dist").iterdir())
    return found[0]


@pytest.fixture(scope="module")
def app(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The executable of the bundle as unpacked from the archive, the way the coordinator does it."""
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        assert {m.name.split("/")[0] for m in tar.getmembers()} == {"verzuimdesk"}
        tar.extractall(target, filter="tar")
    exe = target / "verzuimdesk" / "verzuimdesk"
    assert os.access(exe, os.X_OK)
    return exe


def bundle_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VERZUIMDESK_", "VIRTUAL_ENV", "QT_", "XDG_"))}
    env.update(QT_QPA_PLATFORM="offscreen", VERZUIMDESK_DATA_DIR=str(tmp / "data"),
               VERZUIMDESK_PASSPHRASE=PASSPHRASE, HOME=str(tmp / "home"))
    env.update(extra)
    return env


def run(exe: Path, *args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def test_bundle_prints_its_version(app: Path, tmp_path: Path) -> None:
    done = run(app, "--version", cwd=tmp_path, env=bundle_env(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"VerzuimDesk {__version__}"


def test_demo_status_and_export_run_from_the_bundle_and_leave_it_unchanged(app: Path, tmp_path: Path) -> None:
    before = snapshot(app.parent)
    env = bundle_env(tmp_path)
    db = tmp_path / "demo.db"

    done = run(app, "demo", "--db", str(db), cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert "versleuteld" in done.stdout  # SQLCipher and argon2 work inside the bundle

    done = run(app, "status", "--db", str(db), "--json", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    status = json.loads(done.stdout)
    pupils = status["pupils"]
    assert len(pupils) > 100
    assert {p["light"] for p in pupils} <= LIGHTS
    assert {"red", "green"} <= {p["light"] for p in pupils}  # the demo's patterns are judged by the protocol

    helped = run(app, "--help", cwd=tmp_path, env=env).stdout
    if " export " in helped:  # the export command arrived with the reports issue
        red = next(p for p in pupils if p["light"] == "red")
        pdf = tmp_path / "dossier.pdf"
        done = run(app, "export", "dossier", "--db", str(db), "--pupil", red["leerlingnummer"],
                   "--recipient", "ouders", "--out", str(pdf), cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stderr
        text = PdfReader(pdf).pages[0].extract_text()
        assert red["naam"] in text

    assert snapshot(app.parent) == before  # nothing written next to the executable


def test_first_run_uses_the_platform_data_folder(app: Path, tmp_path: Path) -> None:
    # Without the override, the bundle finds the data folder through platformdirs, like from source.
    env = bundle_env(tmp_path, XDG_DATA_HOME=str(tmp_path / "xdg"))
    del env["VERZUIMDESK_DATA_DIR"]
    done = run(app, "demo", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "xdg" / "VerzuimDesk" / "verzuimdesk.db").is_file()
    done = run(app, "status", "--json", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["pupils"]


def test_desktop_app_starts_from_the_bundle_and_offers_the_demo(app: Path, tmp_path: Path) -> None:
    # On first start the app asks whether to make the demo school; offscreen nobody answers, so we
    # wait until it is past its imports and Qt's plugins and is waiting on that question.
    before = snapshot(app.parent)
    env = bundle_env(tmp_path)
    del env["VERZUIMDESK_PASSPHRASE"]
    proc = subprocess.Popen([str(app)], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        log = tmp_path / "data" / "verzuimdesk.log"  # the app notes there when the question is painted
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and "vraag om de demoschool getoond" not in (
                log.read_text(encoding="utf-8") if log.exists() else ""):
            time.sleep(0.2)
        assert proc.poll() is None, proc.communicate()[1]
        assert "vraag om de demoschool getoond" in log.read_text(encoding="utf-8")
    finally:
        proc.kill()
        _out, err = proc.communicate()
    assert "Traceback" not in err
    assert (tmp_path / "data").is_dir()
    assert not (tmp_path / "data" / "verzuimdesk.db").exists()  # nothing made before the user answers
    assert snapshot(app.parent) == before


def _can_hide_folders() -> bool:
    probe = shutil.which("unshare")
    if probe is None:
        return False
    done = subprocess.run(["unshare", "-m", "true"], capture_output=True, timeout=30)
    return done.returncode == 0


@pytest.mark.skipif(not _can_hide_folders(), reason="no private mount namespace here (needs root and unshare)")
def test_bundle_works_with_the_source_tree_and_python_hidden(app: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    # The deepest folder first: site-packages may lie inside the standard library's folder.
    hidden = sorted({ROOT, Path(sysconfig.get_paths()["purelib"]), Path(sysconfig.get_paths()["stdlib"])},
                    key=lambda p: len(p.parts), reverse=True)
    mounts = " && ".join(f"mount --bind '{empty}' '{folder}'" for folder in hidden)
    script = (f"{mounts} && test ! -e '{ROOT / 'verzuimdesk'}' && '{app}' --version && "
              f"'{app}' demo --db '{tmp_path / 'x.db'}' --size 20 && '{app}' status --db '{tmp_path / 'x.db'}' --json")
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=tmp_path, env=bundle_env(tmp_path),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert done.stdout.startswith(f"VerzuimDesk {__version__}\n")
    assert '"pupils"' in done.stdout


def test_bundle_carries_what_the_app_needs_and_leaves_out_what_it_does_not(app: Path) -> None:
    internal = app.parent / "_internal"
    protocols = {p.name for p in (internal / "resources" / "protocols").glob("*.toml")}
    assert protocols == {p.name for p in (ROOT / "resources" / "protocols").glob("*.toml")}
    assert (internal / "resources" / "translations" / "verzuimdesk_nl.qm").is_file()
    assert not list(internal.rglob("*.ts"))  # the translators' sources stay in the repository
    assert (internal / "resources" / "icons" / "verzuimdesk-256.png").is_file()
    migrations = internal / "verzuimdesk" / "storage" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    assert {p.name for p in (migrations / "versions").glob("*.py")} == {
        p.name for p in (ROOT / "verzuimdesk" / "storage" / "migrations" / "versions").glob("*.py")}
    assert (internal / "reportlab" / "fonts" / "Vera.ttf").is_file()  # the PDF font where DejaVu is missing
    platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqxcb.so", "libqoffscreen.so"} <= platforms
    assert "libqeglfs.so" not in platforms
    names = {p.name for p in internal.rglob("*")}
    for unused in ("QtQml", "QtQuick", "QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtNetwork"):
        assert not any(n.startswith((f"{unused}.", f"lib{unused.replace('Qt', 'Qt6', 1)}.")) for n in names), unused
    assert "tkinter" not in names and not any(n.startswith("libtk") for n in names)
    assert not any(n.startswith("libreadline") for n in names)  # GPL, and the app has no Python prompt
