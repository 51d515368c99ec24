"""Step 2 of the pull-request preview (:mod:`masterplan.publish.preview` explains both): in the
``workflow_run`` workflow, with a write token and the default branch's code, read the artifact's
``pratinjau.json`` as data only, check it against the commit that was built, put a same-repository pull
request's site under ``pratinjau/pr-N/`` on gh-pages, remove closed ones and write the one comment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from masterplan.publish.preview import MANIFEST, PAGES_DIR, Chapter
from masterplan.publish.push_auth import push_env

PREVIEW_ROOT = "pratinjau"  # folder on gh-pages holding one pr-N folder per open pull request
COMMENT_MARK = "<!-- pratinjau-pull-request -->"
_DIGITS = re.compile(r"^[1-9][0-9]{0,6}$")
_SHA = re.compile(r"^[0-9a-f]{40}$")



def read_manifest(folder: Path, expected_sha: str) -> dict:
    """The artifact's manifest, checked field by field as untrusted input. Raises ``ValueError`` when it
    is malformed or names another commit than ``expected_sha`` (the run that produced the artifact)."""
    data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    number, sha = str(data.get("pull_request", "")), str(data.get("sha", ""))
    if not _DIGITS.match(number) or not _SHA.match(sha) or sha != expected_sha:
        raise ValueError("pratinjau.json tidak sah atau bukan dari commit yang dibangun")
    chapters = []
    for entry in data.get("chapters", []):
        chapter = Chapter(str(entry["source"]), str(entry["url"]), str(entry["title"])[:200],
                          int(entry["first_page"]), int(entry["last_page"]),
                          _printed(str(entry.get("printed", ""))))
        if not re.match(r"^docs/[\w./-]+\.md$", chapter.source, re.IGNORECASE) or \
                not re.match(r"^[\w./-]*$", chapter.url) or ".." in chapter.source + chapter.url:
            raise ValueError(f"halaman tidak sah di pratinjau.json: {chapter.source}")
        chapters.append(chapter)
    images = [name for name in data.get("images", []) if re.match(r"^halaman-\d{3}\.png$", str(name))]
    return {"pull_request": int(number), "sha": sha, "chapters": chapters, "images": images}


def _printed(value: str) -> str:
    """A printed page range from the artifact ("96–99", "viii"), or "" when it is anything else."""
    return value if re.fullmatch(r"[0-9ivxlcdm]{1,6}(?:–[0-9ivxlcdm]{1,6})?", value, re.IGNORECASE) else ""


def comment(manifest: dict, base_url: str | None, run_url: str) -> str:
    """The pull request comment (Markdown): links to the changed pages and their PDF pages, or, without
    ``base_url`` (a fork), to the run whose artifact holds them."""
    number, chapters = manifest["pull_request"], manifest["chapters"]
    lines = [COMMENT_MARK, f"### Pratinjau perubahan (commit {manifest['sha'][:7]})", ""]
    if not chapters:
        lines.append("Pull request ini tidak mengubah halaman di docs/.")
    for chapter in chapters:
        if base_url:
            page = f"[{chapter.title}]({base_url}{chapter.url})"
            pdf = (f" — di PDF {chapter.pages()}: "
                   f"[lihat halaman PDF yang berubah]({base_url}{PAGES_DIR}/halaman-berubah.pdf)"
                   if chapter.first_page else " — hanya di situs, tidak di PDF")
        else:
            page = f"{chapter.title} (`{chapter.source}`)"
            pdf = f" — di PDF {chapter.pages()}" if chapter.first_page else ""
        lines.append(f"- {page}{pdf}")
    if base_url and manifest["images"]:
        lines += ["", "<details><summary>Halaman PDF yang berubah</summary>", ""]
        lines += [f"![Halaman PDF {name[8:11].lstrip('0')}]({base_url}{PAGES_DIR}/{name})" for name in manifest["images"]]
        lines += ["", "</details>"]
    if not base_url:
        lines += ["", f"Pull request ini dari fork, jadi pratinjaunya tidak diterbitkan sebagai situs. Buka "
                      f"[run pratinjau]({run_url}), unduh artefak **pratinjau** (situs dan halaman PDF yang "
                      "berubah) dan buka `situs/index.html`."]
    lines += ["", f"Pratinjau diperbarui setiap kali pull request #{number} berubah, dan dihapus setelah ditutup."]
    return "\n".join(lines) + "\n"


def _gh(*args: str) -> str:
    return subprocess.run(["gh", *args], capture_output=True, text=True, check=True).stdout


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout


def publish(artifact: Path, pages: Path | None, repository: str, expected_sha: str, site_url: str,
            run_url: str) -> str:
    """Publish one preview and return the comment text. ``pages`` is a checkout of gh-pages (None: do
    not deploy, e.g. a fork); ``site_url`` is the site's public address (``site_url`` of mkdocs.yml)."""
    manifest = read_manifest(artifact, expected_sha)
    number = manifest["pull_request"]
    pull = json.loads(_gh("api", f"repos/{repository}/pulls/{number}"))
    if pull["head"]["sha"] != expected_sha:
        raise ValueError(f"pull request #{number} tidak lagi di commit {expected_sha[:7]}; pratinjau dilewati")
    same_repository = (pull["head"].get("repo") or {}).get("full_name") == repository
    base_url = None
    if pages is not None and same_repository:
        deploy(artifact, pages, number)
        base_url = f"{site_url.rstrip('/')}/{PREVIEW_ROOT}/pr-{number}/"
    return comment(manifest, base_url, run_url)


def deploy(artifact: Path, pages: Path, number: int) -> Path:
    """Replace ``pratinjau/pr-<number>/`` in the gh-pages checkout ``pages`` with the artifact's site and
    PDF pages (files only: a link in the artifact is skipped, never followed); return that folder."""
    target = pages / PREVIEW_ROOT / f"pr-{number}"
    shutil.rmtree(target, ignore_errors=True)
    for folder, into in (("situs", target), (PAGES_DIR, target / PAGES_DIR)):
        if (artifact / folder).is_dir():
            shutil.copytree(artifact / folder, into, symlinks=True, ignore=_links, dirs_exist_ok=True)
    return target


def _links(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if Path(folder, name).is_symlink()]


def prune(pages: Path, repository: str) -> list[int]:
    """Remove the previews of pull requests that are no longer open; return their numbers."""
    root = pages / PREVIEW_ROOT
    removed = []
    for folder in sorted(root.glob("pr-*")) if root.is_dir() else []:
        number = folder.name[3:]
        if _DIGITS.match(number) and json.loads(_gh("api", f"repos/{repository}/pulls/{number}"))["state"] != "open":
            shutil.rmtree(folder)
            removed.append(int(number))
    return removed


def commit_and_push(pages: Path, message: str) -> None:
    """Commit the gh-pages checkout ``pages`` when it changed and push it with the workflow's token
    (passed in the environment as actions/checkout does, never written to .git/config)."""
    _git(pages, "add", "--all", PREVIEW_ROOT)
    if not _git(pages, "status", "--porcelain", PREVIEW_ROOT).strip():
        return
    _git(pages, "-c", "user.name=github-actions[bot]",
         "-c", "user.email=41898282+github-actions[bot]@users.noreply.github.com", "commit", "-q", "-m", message)
    subprocess.run(["git", "-C", str(pages), "push", "origin", "HEAD:gh-pages"], check=True,
                   env=push_env(dict(os.environ)))


def upsert_comment(repository: str, number: int, body: str) -> None:
    """Create the preview comment on the pull request, or update the one made before (one per PR)."""
    comments = json.loads(_gh("api", "--paginate", f"repos/{repository}/issues/{number}/comments"))
    mine = [c for c in comments if COMMENT_MARK in (c.get("body") or "")]
    if mine:
        _gh("api", "-X", "PATCH", f"repos/{repository}/issues/comments/{mine[0]['id']}", "-f", f"body={body}")
    else:
        _gh("api", "-X", "POST", f"repos/{repository}/issues/{number}/comments", "-f", f"body={body}")
