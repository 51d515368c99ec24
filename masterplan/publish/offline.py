"""The offline copy of a stage release: its site built to open from disk with the network off, zipped
with the stage's PDF inside, for a server of the Pemkab or a reader without internet (Material's offline
plugin: plain file links, search without a server, with the iframe-worker shim shipped inside instead of
fetched from a CDN).
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from masterplan.model import site_config, stages
from masterplan.pdf import worksheets
from masterplan.publish import versions
from masterplan.publish.release_env import ReleaseError, config as _config, env as _env, run as _run

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
    changed = {"plugins": config["plugins"], "extra": config["extra"]}
    env = dict(_env(repo, pdf=False), **{stages.VERSION_VARIABLE: version})
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        # No configuration file is written: a child process builds mkdocs.yml itself with these settings
        # replaced (build_with), so a release killed during this build leaves nothing in the repository.
        # -P: the child imports our package from where this process did (as mike's `mkdocs` does), not
        # from a masterplan/ folder in the current one (a partial copy would mix two versions).
        _run(repo, [sys.executable, "-P", "-m", __name__, str(site)], env, show=True,
             stdin=yaml.safe_dump(changed, allow_unicode=True).encode("utf-8"))
        (site / SHIM_IN_SITE).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shim, site / SHIM_IN_SITE)
        top = target.name.removesuffix(".zip")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, f"{top}/{path.relative_to(site).as_posix()}")
    return target


def build_with(site_dir: str, changed: dict) -> int:
    """``mkdocs build --strict`` of ``mkdocs.yml`` in the current folder into ``site_dir``, with the
    settings in ``changed`` (top-level name -> value) in place of the file's, as MkDocs' ``load_config``
    takes them: every relative path and every plugin still resolves against the repository, because the
    configuration is the repository's own file. MkDocs' messages go to stderr as the ``mkdocs`` command
    prints them; returns 1, without a traceback, when MkDocs or a plugin stops the build."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        config = load_config(site_config.CONFIG, site_dir=site_dir, strict=True, **changed)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        logger.error(str(error))
        return 1
    return 0


if __name__ == "__main__":  # the child process of offline_zip
    sys.exit(build_with(sys.argv[1], yaml.safe_load(sys.stdin.buffer)))
