"""The offline copy of a stage release: its site built to open from disk with the network off, zipped
with the stage's PDF inside, for a server of the Pemkab or a reader without internet (Material's offline
plugin: plain file links, search without a server, with the iframe-worker shim shipped inside instead of
fetched from a CDN).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml

from masterplan.model import stages
from masterplan.pdf import worksheets
from masterplan.publish import versions
from masterplan.publish.release_env import ReleaseError, config as _config, env as _env, run as _run

OFFLINE_CONFIG = ".mkdocs-luring.yml"  # temporary config for the offline copy, removed after the build
# The iframe-worker shim from the npm package (pinned in scripts/npm/package-lock.json, installed by
# scripts/setup-npm.sh), shipped inside the offline copy so that search works from file:// offline.
SHIM = Path(".venv/npm/node_modules/iframe-worker/shim/index.js")
SHIM_IN_SITE = "assets/javascripts/iframe-worker-shim.js"


def offline_zip(repo: Path, version: str, pdf: Path | None, target: Path, sheets: Path | None = None) -> Path:
    """Build a copy of ``version`` that opens from disk with the network off (Material's offline plugin:
    plain file links, search without a server, with the iframe-worker shim shipped inside instead of
    fetched from a CDN), carrying ``pdf`` where the "Unduh PDF" button and the home page point, and zip it
    under one top folder named like ``target``, with ``sheets`` (the worksheets PDF) beside it. No version
    selector: the copy holds one version.

    Raises :class:`ReleaseError` when the shim is not installed or the build fails.
    """
    shim = repo / SHIM
    if not shim.is_file():
        raise ReleaseError(f"{SHIM} tidak ada: jalankan dulu scripts/setup-npm.sh (dipanggil scripts/release.sh).")
    config = _config(repo)
    config["plugins"] = ["mike", *config["plugins"], "offline"]  # mike as `mike deploy` adds it: own addresses
    config["extra"].pop("version", None)
    # A script whose address names "iframe-worker" stops the offline plugin from adding the CDN one.
    config["extra"]["polyfills"] = [SHIM_IN_SITE]
    if pdf is not None:
        config["extra"][versions.READY_PDF] = str(pdf)
    if sheets is not None:
        config["extra"][worksheets.READY] = str(sheets)
    config_file = repo / OFFLINE_CONFIG
    env = dict(_env(repo, pdf=False), **{stages.VERSION_VARIABLE: version})
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        try:
            _run(repo, [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
                        "--site-dir", str(site)], env, show=True)
        finally:
            config_file.unlink()
        (site / SHIM_IN_SITE).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shim, site / SHIM_IN_SITE)
        top = target.name.removesuffix(".zip")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{top}/{path.relative_to(site).as_posix()}")
    return target
