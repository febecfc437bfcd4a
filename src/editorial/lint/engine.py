"""Running the selected rules over articles and collecting their findings.

Each article is read once: the article-scope rules run on it, and its contribution to the
newsroom's ledger (attributed quotations, comparable figures) is taken from the same
analyses. Both are cached by the article's content hash. Rules that compare articles run
last, from the ledger. When many articles need reading, they are spread over processes.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from editorial._types import StrPath
from editorial.errors import NotFoundError, UsageError
from editorial.lint.cache import LintCache, content_hash, run_digest
from editorial.lint.finding import Finding, FindingFix, FixEdit
from editorial.lint.ledger import (
    Contribution,
    Ledger,
    Sketch,
    Wanted,
    contribution_of,
    wanted_quotes,
    wanted_terms,
)
from editorial.lint.registry import Selection, check_codes
from editorial.lint.rule import Fix, LintContext, NewsroomContext, Rule, Violation
from editorial.lint.suppress import find_suppressions
from editorial.newsroom.article import Article, load_article
from editorial.newsroom.newsroom import Newsroom, absolute
from editorial.printable import printable

PARALLEL_MIN = 24  # articles to read before spreading the work over processes
Progress = Callable[[int, int], None]


@dataclass
class LintReport:
    """The findings of one lint run over ``files``."""

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    cached: int = 0
    read: int = 0
    compared: int = 0  # other articles analysed for the checks across articles
    # each linted file's digest of the exact bytes its findings are of (the path, a NUL,
    # then the bytes, as :func:`content_key` makes it)
    linted: dict[str, str] = field(default_factory=dict)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count("error")

    @property
    def warnings(self) -> int:
        return self.count("warning")

    @property
    def exit_code(self) -> int:
        """1 when any finding is an error (SPEC section 2), else 0."""
        return 1 if self.errors else 0


def selection_for(
    newsroom: Newsroom, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> Selection:
    """The rules to run: ``select`` replaces the configured selection, ``ignore`` adds to it."""
    settings = newsroom.config.lint
    chosen = check_codes(select, "--select") or check_codes(settings.select, "[lint] select")
    ignored = [*check_codes(settings.ignore, "[lint] ignore"), *check_codes(ignore, "--ignore")]
    severity = {code.upper(): level for code, level in settings.severity.items()}
    per_file = {
        glob: check_codes(codes, f"[lint] per-file-ignores '{glob}'")
        for glob, codes in settings.per_file_ignores.items()
    }
    return Selection(chosen, ignored, severity, per_file)


def expand_paths(newsroom: Newsroom, paths: Iterable[StrPath] = ()) -> list[Path]:
    """The article files to lint: each file given, the Markdown files under each folder
    given, or all of drafts/ when nothing is given."""
    given = [Path(p) for p in paths]
    if not given:
        return newsroom.article_paths("drafts")
    root = newsroom.root
    not_articles = [root / name for name in ("authors", "sources", ".editorial")]
    not_articles.append(root / newsroom.config.site.out)
    found: list[Path] = []
    for path in given:
        try:
            path.stat()
        except FileNotFoundError:
            raise NotFoundError(f"no such file or folder: {printable(str(path))}") from None
        except OSError as exc:
            raise UsageError(f"{printable(str(path))}: {exc.strerror or exc}") from None
        if path.is_dir() and path.resolve() == root:
            found.extend(newsroom.article_paths())  # the newsroom: its articles, not its bios
        elif path.is_dir():
            folder = absolute(path)
            found.extend(
                sorted(
                    p
                    for p in _markdown_under(newsroom, folder)
                    if p.is_file()
                    and not any(absolute(p).is_relative_to(skip) for skip in not_articles)
                    and not any(part.startswith(".") for part in p.relative_to(folder).parts)
                )
            )
        elif path.is_file():
            try:
                path.name.encode("utf-8")
            except UnicodeEncodeError:
                raise UsageError(
                    f"{printable(str(path))}: the file name is not valid UTF-8; rename it"
                ) from None
            found.append(path)
        else:
            raise NotFoundError(f"no such file or folder: {path}")
    unique = dict.fromkeys(absolute(p) for p in found)
    return list(unique)


def _markdown_under(newsroom: Newsroom, folder: Path) -> Iterator[Path]:
    """Every ``*.md`` file under ``folder``; a folder that cannot be read is one of the
    newsroom's skipped paths (a warning line), not a silent gap."""

    def unreadable(exc: OSError) -> None:
        if exc.filename is not None:
            newsroom.skipped[Path(exc.filename)] = (
                f"cannot read the folder: {exc.strerror or exc} (not read)"
            )

    for parent, _folders, names in os.walk(folder, onerror=unreadable):
        yield from (Path(parent) / name for name in names if name.endswith(".md"))


def _finding(rule: type[Rule], v: Violation, where: str, selection: Selection) -> Finding:
    return Finding(
        path=where,
        line=v.start.line,
        column=v.start.column,
        end_line=v.end.line,
        end_column=v.end.column,
        code=rule.code,
        rule=rule.name,
        severity=selection.severity_of(rule),
        message=v.message,
        suggestion=v.suggestion,
        fix=_fix(v.fix),
    )


def _fix(fix: Fix | None) -> FindingFix | None:
    if fix is None:
        return None
    edits = tuple(
        FixEdit(
            line=e.start.line,
            column=e.start.column,
            end_line=e.end.line,
            end_column=e.end.column,
            content=e.content,
        )
        for e in fix.edits
    )
    return FindingFix(safe=fix.safe, edits=edits)


def lint_article(
    newsroom: Newsroom,
    article: Article,
    selection: Selection,
    *,
    transcripts: Sequence[StrPath] = (),
    shared: dict[str, Any] | None = None,
) -> list[Finding]:
    """Every finding of the selected article-scope rules for one article, suppressions
    applied (rules that compare articles need the ledger: see :func:`run_lint`)."""
    extra = [Path(t) for t in transcripts]
    ctx = LintContext(newsroom, article, extra, shared if shared is not None else {})
    return _article_findings(ctx, selection)


def _article_findings(ctx: LintContext, selection: Selection) -> list[Finding]:
    where = ctx.newsroom.relative(ctx.article.path)
    findings: list[Finding] = []
    article = ctx.article
    if article.meta is None and article.lenient is not None:
        # M001 reports the front matter; the body is still checked with its valid fields
        ctx = replace(ctx, article=replace(article, meta=article.lenient))
    for rule_type in selection.rules():
        if rule_type.scope != "article" or (rule_type.needs_meta and ctx.article.meta is None):
            continue
        findings.extend(_finding(rule_type, v, where, selection) for v in rule_type().check(ctx))
    suppressions = find_suppressions(ctx.article.document.text)
    return sorted({f for f in findings if not suppressions.covers(f)}, key=Finding.sort_key)


# -- workers --------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _start(root: str, selection: Selection, transcripts: Sequence[str]) -> None:
    """Set up a worker (or this process) to read articles of one newsroom."""
    _STATE.clear()
    _STATE.update(
        newsroom=Newsroom.open(Path(root)),
        selection=selection,
        transcripts=[Path(t) for t in transcripts],
        shared={},
    )


Job = tuple[str, bool, frozenset[str]]  # path, findings wanted, ledger parts wanted
# path, findings, ledger parts, and the digest of the bytes they were made from
Result = tuple[str, list[dict[str, Any]] | None, dict[str, Any], str]


def _read(job: Job) -> Result:
    """Read one article: its findings (when asked) and the ledger parts asked for."""
    path, want_findings, parts = job
    newsroom: Newsroom = _STATE["newsroom"]
    data: bytes | None
    try:
        data = Path(path).read_bytes()
    except OSError:
        data = None  # the article reports it
    # the findings are of these bytes, and are cached under their digest (the file may
    # have been saved again since the run hashed it)
    limit = newsroom.config.lint.max_article_bytes
    article = load_article(Path(path), newsroom.root, data, limit)
    ctx = LintContext(newsroom, article, _STATE["transcripts"], _STATE["shared"])
    findings = None
    if want_findings:
        findings = [f.model_dump() for f in _article_findings(ctx, _STATE["selection"])]
    ledger: dict[str, Any] = {}
    if parts:
        contribution = contribution_of(ctx, parts) if article.meta else Contribution()
        if "quotes" in parts:
            ledger["quotes"] = contribution.quotes_json()
        if "figures" in parts:
            ledger["figures"] = contribution.figures_json()
    for name in ("found", "quotes", "facts"):  # analyses are per article: keep memory flat
        _STATE["shared"].pop(name, None)
    return path, findings, ledger, _key(path, data or b"")


def content_key(path: Path | str, data: bytes) -> str:
    """The digest a lint run gives a file's bytes (see :attr:`LintReport.linted`)."""
    return _key(str(absolute(Path(path))), data)


def _key(path: str, data: bytes) -> str:
    return content_hash(path.encode("utf-8") + b"\0" + data)


def _jobs_count(jobs: int, work: int) -> int:
    if jobs > 0:
        return jobs
    if work < PARALLEL_MIN:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def run_lint(
    newsroom: Newsroom,
    paths: Iterable[StrPath] = (),
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    transcripts: Sequence[StrPath] = (),
    use_cache: bool = True,
    jobs: int = 0,
    progress: Progress | None = None,
) -> LintReport:
    """Lint articles (default: all of drafts/) and return every finding, in file order.

    ``jobs`` is the number of processes (0: one per core when there are many articles to
    read); ``use_cache=False`` reads every article afresh.
    """
    selection = selection_for(newsroom, select, ignore)
    files = expand_paths(newsroom, paths)
    extra = [Path(t) for t in transcripts]
    for transcript in extra:
        if not transcript.is_file():
            raise NotFoundError(f"no such transcript: {transcript}")
    run = functools.partial(
        _run_lint, newsroom, files, selection, extra, jobs=jobs, progress=progress
    )
    if not use_cache:
        return run(use_cache=False)
    try:
        return run(use_cache=True)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        # a cache of the right digest but not of the right shape (edited, or written by
        # a broken copy): drop it and lint afresh, once
        LintCache(newsroom, "", enabled=False).path.unlink(missing_ok=True)
        return run(use_cache=False)


def _run_lint(
    newsroom: Newsroom,
    files: list[Path],
    selection: Selection,
    transcripts: Sequence[Path],
    *,
    use_cache: bool,
    jobs: int,
    progress: Progress | None,
) -> LintReport:
    rules = selection.rules()
    compare = [r for r in rules if r.scope == "newsroom"]
    parts = frozenset(part for r in compare for part in r.ledger_parts)
    targets = {str(p): newsroom.relative(p) for p in files}
    cache = LintCache(newsroom, run_digest(newsroom, selection, transcripts), enabled=use_cache)
    texts: dict[str, bytes] = {}
    hashes: dict[str, str] = {}

    def entry_of(path: str) -> dict[str, Any]:
        if path not in hashes:
            try:
                data = Path(path).read_bytes()
            except OSError:
                data = b""
            texts[path] = data
            hashes[path] = _key(path, data)
        return cache.get(hashes[path]) or {}

    done: dict[str, dict[str, Any]] = {}
    jobs_list: list[Job] = []
    for path in targets:
        entry = entry_of(path)
        missing = frozenset(p for p in parts if entry.get(p) is None)
        if entry.get("findings") is None or missing:
            jobs_list.append((path, entry.get("findings") is None, missing))
        else:
            done[path] = entry
            cache.hits += 1
    report = LintReport(cached=len(done))

    def read(work: list[Job]) -> None:
        workers = _jobs_count(jobs, len(work))
        results = _run_jobs(newsroom, selection, transcripts, work, workers, progress)
        _merge(cache, hashes, done, results)

    read(jobs_list)
    report.read = len(jobs_list)
    compared: dict[str, list[dict[str, Any]]] = {}
    if compare:
        others = {
            str(path): newsroom.relative(path)
            for path in map(absolute, newsroom.article_paths())
            if str(path) not in targets
        }
        needed = _others_needed(others, targets, done, parts, entry_of, texts)
        more = [(path, False, wanted) for path, wanted in needed.items()]
        report.compared = len(more)
        read(more)
        everyone = {**others, **targets}
        # every article's path and content: the cross-article findings of the last run
        # stand while it is the same (a warm run with no change compares nothing)
        signature = content_hash(
            "\n".join(sorted(f"{rel}\0{hashes[p]}" for p, rel in everyone.items())).encode()
        )
        compared = cache.compared_findings(signature)
        if not all(where in compared for where in targets.values()):
            ledger = Ledger(
                {rel: Contribution.from_json(done.get(p) or {}) for p, rel in everyone.items()}
            )
            fresh = {
                where: [f.model_dump() for f in _compare(path, where, ledger, compare, selection)]
                for path, where in targets.items()
            }
            cache.keep_compared(signature, fresh)
            compared = {**compared, **fresh}
    cache.save()
    for path, where in targets.items():
        report.files.append(where)
        report.linted[where] = hashes[path]
        findings = [Finding(**f) for f in done[path].get("findings") or []]
        findings += [Finding(**f) for f in compared.get(where, [])] if compare else []
        findings = [f for f in findings if not selection.ignored_in(where, f.code)]
        report.findings.extend(sorted(set(findings), key=Finding.sort_key))
    return report


def _merge(
    cache: LintCache,
    hashes: dict[str, str],
    done: dict[str, dict[str, Any]],
    results: list[Result],
) -> None:
    """Fresh results into the cache and into ``done``, over what was cached before."""
    for path, found, ledger, key in results:
        fresh = {**ledger, **({"findings": found} if found is not None else {})}
        if key != hashes[path]:  # saved again meanwhile: these findings are of the new bytes
            hashes[path] = key
            done.pop(path, None)
        cache.put(key, fresh)
        done[path] = {**(cache.get(key) or done.get(path) or {}), **fresh}


def _others_needed(
    others: dict[str, str],
    targets: dict[str, str],
    done: dict[str, dict[str, Any]],
    parts: frozenset[str],
    entry_of: Callable[[str], dict[str, Any]],
    texts: dict[str, bytes],
) -> dict[str, frozenset[str]]:
    """The ledger parts to compute for articles that are not linted but are compared
    with those that are. A part already cached is reused; a missing one is computed only
    when a quick look at the article's text (:class:`Sketch`) cannot rule out a conflict,
    so linting one file never needs a full analysis of the whole archive."""
    needed: dict[str, frozenset[str]] = {}
    looked: tuple[Wanted, set[tuple[str, ...]]] | None = None
    for path in others:
        entry = entry_of(path)
        done[path] = entry
        missing = [p for p in parts if entry.get(p) is None]
        if not missing:
            continue
        if looked is None:  # what to look for, once some article is not in the cache
            mine = [Contribution.from_json(done[p]) for p in targets]
            looked = (
                wanted_quotes(mine) if "quotes" in parts else Wanted(),
                wanted_terms(mine) if "figures" in parts else set(),
            )
        quotes, terms = looked
        sketch = Sketch(texts[path].decode("utf-8", errors="replace"))
        wanted = frozenset(
            p
            for p in missing
            if (p == "quotes" and (quotes.whole or quotes.loose) and sketch.may_quote(quotes))
            or (p == "figures" and terms and sketch.may_state(terms))
            or p not in ("quotes", "figures")
        )
        if wanted:
            needed[path] = wanted
    return needed


def _run_jobs(
    newsroom: Newsroom,
    selection: Selection,
    transcripts: Sequence[Path],
    jobs_list: list[Job],
    workers: int,
    progress: Progress | None,
) -> list[Result]:
    args = (str(newsroom.root), selection, [str(t) for t in transcripts])
    results = []
    total = len(jobs_list)
    if workers <= 1 or total < 2:
        _start(*args)
        _STATE["newsroom"] = newsroom
        for i, job in enumerate(jobs_list, 1):
            results.append(_read(job))
            if progress is not None:
                progress(i, total)
        return results
    context = get_context("fork") if hasattr(os, "fork") else get_context("spawn")
    chunk = max(1, min(16, total // (workers * 4) or 1))
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=args
    ) as pool:
        for i, result in enumerate(pool.map(_read, jobs_list, chunksize=chunk), 1):
            results.append(result)
            if progress is not None:
                progress(i, total)
    return results


def _compare(
    path: str, where: str, ledger: Ledger, rules: list[type[Rule]], selection: Selection
) -> list[Finding]:
    mine = ledger.contributions.get(where, Contribution())
    ctx = NewsroomContext(where, mine, ledger)
    findings = [
        _finding(rule, v, where, selection) for rule in rules for v in rule().check_newsroom(ctx)
    ]
    if not findings:
        return []
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return findings
    suppressions = find_suppressions(text)
    return [f for f in findings if not suppressions.covers(f)]
