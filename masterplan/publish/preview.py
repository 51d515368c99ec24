"""The preview of a pull request: the changed chapters as readers will see them, on the site and in the PDF.

Two steps, in two workflows, because code from a pull request must never run with a write token
(GitHub Security Lab, "Preventing pwn requests"; MkDocs hooks are code that runs while building):

1. ``prepare`` runs in the unprivileged ``pull_request`` workflow, after the normal build of the pull
   request's own code. It marks every page of the built site as a preview (a "PRATINJAU" banner and
   ``noindex``), finds the changed chapters (``git diff`` against the base), the PDF pages they land on
   (the PDF's bookmarks), cuts those pages into a small PDF and PNG images (poppler's ``pdftoppm``), and
   writes ``pratinjau.json`` plus the job summary. The workflow uploads the folder as an artifact.
2. ``publish`` runs in the ``workflow_run`` workflow with a write token, from the default branch's code,
   and never executes anything from the artifact: it reads ``pratinjau.json`` as data, checks that the
   pull request named there really has the commit that was built (GitHub API), copies the files of a
   pull request from a branch of this repository to ``pratinjau/pr-N/`` on gh-pages, and writes one
   comment on the pull request with the links. A pull request from a fork gets no site (its HTML would
   run under the official domain); its comment links the run, whose artifact holds the site, the PDF pages
   and the images. Previews of closed pull requests are removed at the same time.

Commands: ``python scripts/preview.py prepare ...`` and ``python scripts/preview.py publish ...``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from masterplan.model import settings
from masterplan.publish.release import _push_env as push_env  # the one way this project pushes with a token

MANIFEST = "pratinjau.json"
PAGES_DIR = "halaman-pdf"  # PDF pages of the changed chapters, inside the preview folder
PREVIEW_ROOT = "pratinjau"  # folder on gh-pages holding one pr-N folder per open pull request
COMMENT_MARK = "<!-- pratinjau-pull-request -->"
BANNER = ('<div class="pratinjau-pr" role="note" style="background:#b71c1c;color:#fff;padding:.3rem .8rem;'
          'font:600 .85rem/1.4 sans-serif;text-align:center">PRATINJAU pull request #{number} &mdash; bukan '
          'dokumen resmi</div>')
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
_DIGITS = re.compile(r"^[1-9][0-9]{0,6}$")
_SHA = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Chapter:
    """One changed page: its ``source`` (``docs/bab-2-gambaran-umum.md``), its ``url`` in the site
    (``bab-2-gambaran-umum/``), its ``title`` and the 1-based PDF pages it covers (0, 0 when it is not
    in the PDF, e.g. the editors' guide)."""

    source: str
    url: str
    title: str
    first_page: int = 0
    last_page: int = 0
    printed: str = ""  # the page numbers printed on those pages ("96–99"; front matter in Roman numerals)

    def pages(self) -> str:
        """The pages in words for editors, e.g. ``halaman 96–99 (halaman PDF 111–114)``."""
        physical = f"{self.first_page}–{self.last_page}" if self.last_page > self.first_page else str(self.first_page)
        return f"halaman {self.printed} (halaman PDF {physical})" if self.printed else f"halaman PDF {physical}"


# ---------------------------------------------------------------------------------------------------
# Step 1: prepare (pull_request, read-only token, after the pull request's own build)
# ---------------------------------------------------------------------------------------------------

_VIEW_MARKER = re.compile(r"^\[\[[a-z]", re.MULTILINE)


def changed_sources(repo: Path, base: str) -> list[str]:
    """Pages under docs/ that the pull request adds or changes (``git diff base...HEAD``), sorted. A change
    in data/ (programmes, offices, dimensions) changes the pages that draw it: every page holding a view
    marker such as ``[[tabel-program]]``."""
    out = subprocess.run(["git", "-C", str(repo), "diff", "--name-only", "--diff-filter=AMR", f"{base}...HEAD",
                          "--", "docs", "data"], capture_output=True, text=True, check=True).stdout
    names = out.splitlines()
    pages = {name for name in names if name.startswith("docs/") and name.lower().endswith(".md")}
    if any(name.startswith("data/") for name in names):
        pages |= {path.relative_to(repo).as_posix() for path in (repo / "docs").rglob("*.md")
                  if _VIEW_MARKER.search(path.read_text(encoding="utf-8", errors="replace"))}
    return sorted(pages)


def page_url(source: str) -> str:
    """The site address of ``docs/<name>.md`` with MkDocs' directory URLs (``bab-5/index.md`` ->
    ``bab-5/``, ``bab-1.md`` -> ``bab-1/``)."""
    name = source.split("/", 1)[1][:-3]
    if name == "index" or name.endswith("/index"):
        return name[:-5]
    return f"{name}/"


def _title(site: Path, url: str) -> str:
    html = (site / url / "index.html").read_text(encoding="utf-8") if (site / url / "index.html").is_file() else ""
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    # Material writes "Halaman - Situs"; our template "Halaman – Situs" (en dash): the site's name goes.
    return re.sub(r"\s+[-–]\s+[^-–]*$", "", match.group(1)).strip() if match else url


def bookmark_pages(pdf: Path) -> list[tuple[str, int, int]]:
    """``(title, 1-based page, depth)`` of every bookmark of ``pdf``, depth-first in document order (depth
    0: a chapter or a front page; a multi-page chapter's pages one level down); empty when the PDF is
    missing or unreadable."""
    try:
        reader = PdfReader(pdf)
        found: list[tuple[str, int, int]] = []

        def walk(items, depth: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, depth + 1)
                else:
                    found.append((item.title, reader.get_destination_page_number(item) + 1, depth))

        walk(reader.outline, 0)
        return found
    except (OSError, ValueError, KeyError):
        return []


def _normal(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", text).split()).casefold()


_LABEL = re.compile(r"^(?:(?P<named>bab\s+[ivxlc]+|lampiran\s+[a-z])|[\dA-Z](?:\.\d+)*)\s+", re.IGNORECASE)


def locate(title: str, bookmarks: list[tuple[str, int, int]], page_count: int) -> tuple[int, int]:
    """The PDF pages ``(first, last)`` of the page titled ``title``: the bookmark whose text, without the
    build's label ("BAB I", "Lampiran B", "5.3"), is the title; a chapter label beats a section number
    and a shallower bookmark a deeper one ("Dasar Hukum" is Lampiran B, not section 1.3). The page ends
    before the next bookmark at the same or a higher level, or the next chapter or appendix. (0, 0) when none matches (site-only pages)."""
    wanted = _normal(title)
    candidates = []
    for index, (name, page, depth) in enumerate(bookmarks):
        label = _LABEL.match(name)
        if _normal(name) == wanted or (label and _normal(name[label.end():]) == wanted):
            candidates.append((not _named(name), depth, index))
    if not candidates:
        return 0, 0
    _, depth, index = min(candidates)
    page = bookmarks[index][1]
    following = [p for name, p, d in bookmarks[index + 1:] if d <= depth or _named(name)]
    return page, (max(page, following[0] - 1) if following else page_count)


def _named(title: str) -> bool:
    """True for a bookmark that starts a chapter or an appendix ("BAB II ...", "Lampiran B ...")."""
    label = _LABEL.match(title)
    return bool(label and label.group("named"))


def mark_as_preview(site: Path, number: int) -> None:
    """Put the preview banner and ``noindex`` into every HTML page of the built ``site``."""
    banner = BANNER.format(number=number)
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        html = html.replace("<head>", f"<head>{NOINDEX}", 1)
        html = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, html, count=1)
        page.write_text(html, encoding="utf-8")


def cut_pages(pdf: Path, chapters: list[Chapter], target: Path, resolution: int = 60) -> list[str]:
    """Write the PDF pages of ``chapters`` as ``target/halaman-berubah.pdf`` and one PNG per page
    (``target/halaman-012.png``, poppler's pdftoppm at ``resolution`` dpi); return the PNG names."""
    pages = sorted({p for c in chapters if c.first_page for p in range(c.first_page, c.last_page + 1)})
    if not pages:
        return []
    target.mkdir(parents=True, exist_ok=True)
    reader, writer = PdfReader(pdf), PdfWriter()
    for page in pages:
        writer.add_page(reader.pages[page - 1])
    with open(target / "halaman-berubah.pdf", "wb") as handle:
        writer.write(handle)
    for page in pages:
        subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(target / f"halaman-{page:03}")], check=True)
    return [f"halaman-{page:03}.png" for page in pages]


def summary(number: int, chapters: list[Chapter], images: list[str]) -> str:
    """The job summary of the preview build (Markdown): what changed, where it lands in the PDF, and where
    to look at it."""
    lines = [f"### Pratinjau pull request #{number}", ""]
    if not chapters:
        lines.append("Pull request ini tidak mengubah halaman di docs/, jadi tidak ada pratinjau halaman.")
        return "\n".join(lines) + "\n"
    lines += ["| Halaman | Berkas | Di PDF |", "|---|---|---|"]
    for chapter in chapters:
        pages = chapter.pages() if chapter.first_page else "tidak di PDF (hanya situs)"
        lines.append(f"| {chapter.title} | `{chapter.source}` | {pages} |")
    lines += ["", f"Unduh artefak **pratinjau** di bawah (tombol Artifacts): folder `situs/` berisi situsnya "
              f"(buka `situs/index.html`), `{PAGES_DIR}/` berisi halaman PDF yang berubah "
              f"({len(images)} gambar dan halaman-berubah.pdf). Untuk pull request dari cabang repositori ini, "
              "komentar di pull request memuat tautan pratinjau daring."]
    return "\n".join(lines) + "\n"


def prepare(repo: Path, site: Path, pdf: Path, base: str, number: int, sha: str, out: Path) -> dict:
    """Build the preview folder ``out`` (``situs/``, ``halaman-pdf/``, ``pratinjau.json``) from the built
    ``site`` and its ``pdf``; return the manifest. Raises ``subprocess.CalledProcessError`` when git or
    pdftoppm fails (the preview job then fails; the pull request's own checks are separate)."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(site, out / "situs")
    mark_as_preview(out / "situs", number)
    bookmarks = bookmark_pages(pdf)
    count = len(PdfReader(pdf).pages) if pdf.is_file() else 0
    chapters = []
    labels = list(PdfReader(pdf).page_labels) if pdf.is_file() else []
    for source in changed_sources(repo, base):
        url = page_url(source)
        title = _title(site, url)
        first, last = locate(title, bookmarks, count)
        printed = "–".join(dict.fromkeys((labels[first - 1], labels[last - 1]))) if first and labels else ""
        chapters.append(Chapter(source, url, title, first, last, printed))
    images = cut_pages(pdf, chapters, out / PAGES_DIR) if pdf.is_file() else []
    manifest = {"pull_request": number, "sha": sha, "chapters": [asdict(c) for c in chapters],
                "images": images}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "ringkasan.md").write_text(summary(number, chapters, images), encoding="utf-8")
    return manifest


# ---------------------------------------------------------------------------------------------------
# Step 2: publish (workflow_run, write token, default branch's code; the artifact is data only)
# ---------------------------------------------------------------------------------------------------

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


def main(argv: list[str] | None = None) -> int:
    """``prepare`` or ``publish`` (see the module docstring); exit status 0 on success."""
    parser = argparse.ArgumentParser(description="Pratinjau pull request (situs dan halaman PDF).")
    steps = parser.add_subparsers(dest="step", required=True)
    prep = steps.add_parser("prepare")
    prep.add_argument("--site", type=Path, required=True)
    prep.add_argument("--pdf", type=Path, help="bawaan: PDF satu-satunya di SITE/pdf/")
    prep.add_argument("--out", type=Path, required=True)
    pub = steps.add_parser("publish")
    pub.add_argument("--artifact", type=Path, required=True)
    pub.add_argument("--gh-pages", type=Path)
    args = parser.parse_args(argv)
    env = os.environ
    if args.step == "prepare":
        number = int(env["PR_NUMBER"])
        pdf = args.pdf or next(iter(sorted((args.site / "pdf").glob("*.pdf"))), args.site / "pdf" / "tidak-ada.pdf")
        manifest = prepare(Path.cwd(), args.site, pdf, env["PR_BASE_SHA"], number, env["PR_HEAD_SHA"], args.out)
        text = (args.out / "ringkasan.md").read_text(encoding="utf-8")
        if env.get("GITHUB_STEP_SUMMARY"):
            with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
                handle.write(text)
        print(f"Pratinjau: {len(manifest['chapters'])} halaman berubah.")
        return 0
    repository, sha = env["GITHUB_REPOSITORY"], env["RUN_HEAD_SHA"]
    try:
        number = read_manifest(args.artifact, sha)["pull_request"]
        body = publish(args.artifact, args.gh_pages, repository, sha, settings.load(Path.cwd()).site_url,
                       env["RUN_URL"])
        if args.gh_pages is not None:
            prune(args.gh_pages, repository)
            commit_and_push(args.gh_pages, f"Pratinjau pull request #{number}")
        upsert_comment(repository, number, body)
    except (OSError, ValueError, KeyError, subprocess.CalledProcessError) as error:
        detail = error.stderr if isinstance(error, subprocess.CalledProcessError) else error
        print(f"Pratinjau tidak diterbitkan: {detail}", file=sys.stderr)
        return 1
    print(body)
    return 0

if __name__ == "__main__":
    sys.exit(main())
