"""Publishing the plan: the draft from main and one frozen, versioned release per workshop stage.

Versions live in the ``gh-pages`` branch, managed by mike (one folder per version, ``versions.json``,
the alias for the newest stage and a root redirect to it); GitHub Pages serves that branch. Everything is
done in the local git repository first; only ``push=True`` (the workflows) sends ``gh-pages`` to
``origin``, once, after every step succeeded. So a rehearsal on a copy of the repository runs the same code
(``tests/test_github_release.py``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import yaml

from masterplan.checks import by_kind
from masterplan.pdf import PLUGIN_NAME, worksheets
from masterplan.model import settings, stages
from masterplan.model.problems import ERROR, summary_line
from masterplan.publish import change_report, offline, release_notes, root_pages, versions
from masterplan.publish.push_auth import push_env
from masterplan.publish.release_env import ReleaseError, config as _config, env as _env, not_ready as _not_ready
from masterplan.publish.release_env import run as _run

BRANCH = "gh-pages"
REMOTE = "origin"
NOTES = "catatan-rilis.md"  # release notes, next to the PDF and the zip in the output folder
PDF_PLUGIN = PLUGIN_NAME
# mike's options, on its command line: with no mike plugin in mkdocs.yml ordinary builds never load mike;
# `mike deploy` adds it with its defaults (version selector on, as Material's needs; no canonical_version:
# each version's addresses are its own). Aliases are copies (any web server); the root redirect is ours.
ALIAS_TYPE, REDIRECT_TEMPLATE = "copy", "overrides/akar/pengalihan.html"


def _mike(repo: Path, env: dict[str, str], *args: str, show: bool = False) -> str:
    return _run(repo, [str(Path(sys.executable).parent / "mike"), *args], env, show=show)


def domain(repo: Path) -> str:
    """The public host name from ``site_url`` in ``mkdocs.yml`` (the one place where it is set).

    Raises :class:`ReleaseError` when ``site_url`` is missing.
    """
    host = urlparse(str(_config(repo).get("site_url") or "")).hostname
    if not host:
        raise ReleaseError("mkdocs.yml: 'site_url' belum diisi. Isi dengan alamat publik situs, "
                           "mis. https://smartcity.banglikab.go.id/.")
    return host


def check_settings(repo: Path, stage: stages.Stage) -> None:
    """The tag must match the stage written in ``mkdocs.yml`` (``extra.rencana``), because the PDF cover
    and the home page print that stage. Raises :class:`ReleaseError` otherwise."""
    plan = plan_settings(repo)
    if stage.number is not None and plan.stage != stage.number:
        raise ReleaseError(f"Tag {stage.tag} tidak cocok dengan mkdocs.yml (extra.rencana.tahap: {plan.stage}). "
                           f"Ubah 'tahap' menjadi {stage.number}, gabungkan ke main, lalu buat tag lagi.")
    if stage.number is None and plan.status != "final":
        raise ReleaseError(f"Tag {stage.tag} untuk rencana yang ditetapkan, tetapi mkdocs.yml "
                           f"(extra.rencana.status) masih '{plan.status}'. Ubah menjadi 'final' dulu.")


def plan_settings(repo: Path) -> settings.Plan:
    """``extra.rencana`` of ``repo/mkdocs.yml`` as editors may have left it; raises :class:`ReleaseError`
    listing every problem (file:line) instead of a traceback."""
    loaded = settings.load(repo)
    if loaded.problems:
        raise _not_ready(loaded.problems)
    return loaded.plan


def check_sources(repo: Path) -> None:
    """The full check of ``scripts/validate.py`` without paths (:func:`by_kind.full_check`), before
    anything is built or deployed: what would stop the build (a stage without a date in
    data/tahapan.yml, an error in a chapter or a data file, a setting MkDocs refuses) stops the release
    here, every problem at once, instead of inside ``mike deploy`` halfway through the release.
    Warnings (spelling) do not stop it. Raises :class:`ReleaseError`."""
    errors = [problem for problem in by_kind.full_check(repo) if problem.severity == ERROR]
    if errors:
        raise ReleaseError("Pemeriksaan naskah (sama dengan scripts/validate.py) menemukan galat; belum ada yang "
                           "dibangun atau diterbitkan:\n" + "\n".join(problem.text() for problem in errors) +
                           f"\n{summary_line(errors)} Perbaiki lewat pull request, lalu ulangi rilis (tag tahap: "
                           "hapus tag dan buat lagi pada commit yang sudah diperbaiki).")


def _check_checkout(repo: Path, tag: str) -> None:
    def commit(ref: str) -> str:
        result = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
                                capture_output=True, text=True)
        return result.stdout.strip()
    if not commit(tag):
        raise ReleaseError(f"Tag {tag} tidak ada di repositori ini. Buat dulu: git tag {tag} && git push origin {tag}.")
    if commit(tag) != commit("HEAD"):
        raise ReleaseError(f"Folder kerja tidak berada pada tag {tag}. Jalankan dulu: git checkout {tag}.")


def deployed(repo: Path, env: dict[str, str]) -> list[dict]:
    """The versions on ``gh-pages`` as mike lists them: ``[{version, title, aliases}, …]``."""
    if subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "--quiet", BRANCH],
                      capture_output=True).returncode != 0:
        return []
    return yaml.safe_load(_mike(repo, env, "list", "--json")) or []


def _commit_root_files(repo: Path, env: dict[str, str], files: dict[str, str | bytes]) -> None:
    """Add ``files`` (path in the branch → text or bytes) to ``gh-pages`` in one commit, leaving every
    other file as it is; no commit when nothing changed. mike only manages its own files, so this uses
    git directly."""
    with tempfile.TemporaryDirectory() as tmp:
        git_env = dict(env, GIT_INDEX_FILE=str(Path(tmp) / "index"))
        git = ["git", "-C", str(repo)]
        parent = _run(repo, [*git, "rev-parse", BRANCH], git_env).strip()
        _run(repo, [*git, "read-tree", parent], git_env)
        for name, text in files.items():
            data = text.encode() if isinstance(text, str) else text
            blob = _run(repo, [*git, "hash-object", "-w", "--stdin"], git_env, data).strip()
            _run(repo, [*git, "update-index", "--add", "--cacheinfo", f"100644,{blob},{name}"], git_env)
        tree = _run(repo, [*git, "write-tree"], git_env).strip()
        if tree == _run(repo, [*git, "rev-parse", f"{parent}^{{tree}}"], git_env).strip():
            return
        commit = _run(repo, [*git, "commit-tree", tree, "-p", parent, "-m",
                             f"Berkas di luar versi: {', '.join(files)}"], git_env).strip()
        _run(repo, [*git, "update-ref", f"refs/heads/{BRANCH}", commit, parent], git_env)


def _finish_branch(repo: Path, env: dict[str, str], push: bool, stable_pdf: Path | None = None) -> None:
    """Root files, and ``stable_pdf`` (the newest stage's PDF) at the stable address, then the push."""
    # CNAME tells GitHub Pages the custom domain; .nojekyll serves the files as they are; 404.html is
    # what GitHub Pages shows for a missing address (an address without the version folder, too).
    config = _config(repo)
    newest = [v["version"] for v in deployed(repo, env) if stages.LATEST_ALIAS in v.get("aliases", [])]
    default = stages.LATEST_ALIAS if newest else stages.DRAFT_VERSION
    themed = _run(repo, ["git", "-C", str(repo), "show", f"{BRANCH}:{default}/{root_pages.NOT_FOUND}"], env)
    not_found = root_pages.not_found_page(repo, str(config["site_url"]), default, themed,
                                          newest[0] if newest else None)
    files: dict[str, str | bytes] = {"CNAME": domain(repo) + "\n", ".nojekyll": "", root_pages.NOT_FOUND: not_found}
    if stable_pdf is not None:
        files[stable_pdf_path(config)] = stable_pdf.read_bytes()
    _commit_root_files(repo, env, files)
    if push:
        _run(repo, ["git", "-C", str(repo), "push", REMOTE, BRANCH], push_env(env))


def _deploy(repo: Path, env: dict[str, str], version: str, title: str, aliases: list[str]) -> None:
    # mike builds the site itself (`mkdocs build`, strict through mkdocs.yml) and commits it to gh-pages.
    _mike(repo, env, "deploy", "--update-aliases", "--alias-type", ALIAS_TYPE, "--template", REDIRECT_TEMPLATE,
          "--title", title, version, *aliases, show=True)



def publish_draft(repo: Path, push: bool = False, pdf: bool = True) -> None:
    """Publish the working tree as the version ``draf`` (site and PDF); released stages stay untouched.
    Before the first stage release the draft is also the default version, so the root address works.
    ``pdf=False`` (site only) is for quick rehearsals; the workflow always builds the PDF."""
    plan_settings(repo)
    check_sources(repo)
    env = _env(repo, pdf)
    _deploy(repo, env, stages.DRAFT_VERSION, stages.DRAFT_TITLE, [])
    if not any(stages.LATEST_ALIAS in v.get("aliases", []) for v in deployed(repo, env)):
        _mike(repo, env, "set-default", "--template", REDIRECT_TEMPLATE, stages.DRAFT_VERSION)
    _finish_branch(repo, env, push)


def release_stage(repo: Path, tag: str, dist: Path, push: bool = False, pdf: bool = True) -> list[Path]:
    """Release stage ``tag`` (checked out in ``repo``): a version on ``gh-pages`` with the alias
    ``terbaru`` and the root redirect when it is the newest stage, and in ``dist`` the stage-named PDF,
    the offline site zip and the release notes. Returns those files. ``pdf=False`` (no PDF in the
    version, the zip or ``dist``) is for local rehearsals only and cannot be pushed.

    Raises :class:`ReleaseError` (message in Bahasa Indonesia) for a wrong tag, a checkout not at the tag,
    a stage that does not match ``mkdocs.yml``, an error the checks find (:func:`check_sources`, before
    anything is built), or a failed build.
    """
    stage = stages.parse(tag)
    if stage is None:
        raise ReleaseError(f"'{tag}' bukan tag rilis. Gunakan {stages.TAG_RULE}.")
    if push and not pdf:
        raise ReleaseError("Rilis tahap yang dikirim selalu memuat PDF: jangan pakai --tanpa-pdf bersama --push.")
    _check_checkout(repo, tag)
    check_settings(repo, stage)
    check_sources(repo)
    env = _env(repo, pdf=pdf)
    newest = stage == max(stages.released(repo))
    _deploy(repo, env, stage.tag, stage.label, [stages.LATEST_ALIAS] if newest else [])
    if newest:
        _mike(repo, env, "set-default", "--template", REDIRECT_TEMPLATE, stages.LATEST_ALIAS)
    dist.mkdir(parents=True, exist_ok=True)
    config = _config(repo)
    files = []
    if pdf:
        site_dir = repo / config.get("site_dir", "site")  # what mike just built and committed
        plan_pdf = versions.pdf_path(_pdf_output(config), tag)
        files.append(Path(shutil.copy2(site_dir / plan_pdf, dist / stage.pdf_name)))
        # The Daftar Kebutuhan Data's worksheets for the stage's workshop, beside the plan's PDF.
        files.append(Path(shutil.copy2(site_dir / worksheets.file_name(plan_pdf),
                                       dist / worksheets.file_name(stage.pdf_name))))
    notes = dist / NOTES
    notes.write_text(release_notes.release_notes(repo, tag, change_report.website_only(repo),
                                                 f"{config['site_url'].rstrip('/')}/{tag}/", pdf=pdf),
                     encoding="utf-8")
    archive = offline.offline_zip(repo, tag, files[0] if files else None, dist / stage.zip_name,
                                  files[1] if files else None)
    _finish_branch(repo, env, push, files[0] if files and newest else None)
    return [*files, archive, notes]


def stable_pdf_path(config: dict) -> str:
    """Where on ``gh-pages`` the newest stage's PDF is also kept under one name that never changes
    (``terbaru/pdf/Masterplan-Smart-City-Bangli.pdf``): a link that always downloads the newest PDF
    itself. GitHub Pages has no server redirects, and a page that forwards is no PDF for a download
    tool. Written by each release of the newest stage, after mike has copied it to the alias."""
    return versions.stable_pdf(_pdf_output(config))


def _pdf_output(config: dict) -> str:
    """``output_path`` of the PDF plugin in ``mkdocs.yml`` (its folder is kept; the name follows the version)."""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and PDF_PLUGIN in plugin:
            return str(plugin[PDF_PLUGIN].get("output_path", versions.DEFAULT_PDF))
    return versions.DEFAULT_PDF
