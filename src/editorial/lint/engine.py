"""Running the selected rules over articles and collecting their findings.

Each article is read once: the article-scope rules run on it, and its contribution to the
newsroom's ledger (attributed quotations, comparable figures) is taken from the same
analyses. Both are cached by the article's content hash. Rules that compare articles run
last, from the ledger. When many articles need reading, they are spread over processes.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from editorial._parallel import worker_count
from editorial._types import StrPath
from editorial.errors import NotFoundError, UsageError
from editorial.lint.cache import LintCache, file_key, run_digest
from editorial.lint.finding import Finding, FindingFix, FixEdit
from editorial.lint.ledger import (
    Contribution,
    Ledger,
    Sketch,
    Wanted,
    contribution_of,
    differ,
    quote_runs,
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
    return [Path(path) for path in _expand(newsroom, paths)]


def _expand(newsroom: Newsroom, paths: Iterable[StrPath] = ()) -> list[str]:
    """:func:`expand_paths` as absolute path strings (an archive has thousands)."""
    given = [Path(p) for p in paths]
    if not given:
        return newsroom.article_files("drafts")
    root = newsroom.root
    not_articles = [root / name for name in ("authors", "sources", ".editorial")]
    not_articles.append(root / newsroom.config.site.out)
    found: list[str] = []
    for path in given:
        try:
            path.stat()
        except FileNotFoundError:
            raise NotFoundError(f"no such file or folder: {printable(str(path))}") from None
        except OSError as exc:
            raise UsageError(f"{printable(str(path))}: {exc.strerror or exc}") from None
        if path.is_dir() and path.resolve() == root:
            found.extend(newsroom.article_files())  # the newsroom: its articles, not its bios
        elif path.is_dir():
            skip = {str(p) for p in not_articles}
            found.extend(sorted(_markdown_under(newsroom, str(absolute(path)), skip), key=_parts))
        elif path.is_file():
            try:
                path.name.encode("utf-8")
            except UnicodeEncodeError:
                raise UsageError(
                    f"{printable(str(path))}: the file name is not valid UTF-8; rename it"
                ) from None
            found.append(str(absolute(path)))
        else:
            raise NotFoundError(f"no such file or folder: {path}")
    return list(dict.fromkeys(found))  # each absolute already


def _parts(path: str) -> list[str]:
    return path.split(os.sep)  # noqa: PTH206 (Path's order, without making a Path)


def _markdown_under(newsroom: Newsroom, folder: str, skip: set[str]) -> Iterator[str]:
    """Every ``*.md`` file under ``folder``, leaving out hidden names, links to folders
    and the folders of ``skip``; a folder that cannot be read is one of the newsroom's
    skipped paths (a warning line), not a silent gap."""
    if any(folder == other or folder.startswith(other + os.sep) for other in skip):
        return
    folders = [folder]
    while folders:
        try:
            with os.scandir(folders.pop()) as found:
                entries = list(found)
        except OSError as exc:
            where = Path(exc.filename) if exc.filename is not None else Path(folder)
            newsroom.skipped[where] = f"cannot read the folder: {exc.strerror or exc} (not read)"
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.path in skip:
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
            elif entry.name.endswith(".md") and entry.is_file():
                yield entry.path


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
# path, findings, ledger parts and their hashes, and the key of the bytes read
Result = tuple[
    str, list[dict[str, Any]] | None, dict[str, Any], dict[str, list[tuple[int, float]]], str
]


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
    index: dict[str, list[tuple[int, float]]] = {}
    if parts:
        contribution = contribution_of(ctx, parts) if article.meta else Contribution()
        if "quotes" in parts:
            ledger["quotes"] = contribution.quotes_json()
        if "figures" in parts:
            ledger["figures"] = contribution.figures_json()
        index = contribution.index()
    for name in ("found", "quotes", "facts"):  # analyses are per article: keep memory flat
        _STATE["shared"].pop(name, None)
    return path, findings, ledger, index, file_key(path, data or b"")


def content_key(path: Path | str, data: bytes) -> str:
    """The digest a lint run gives a file's bytes (see :attr:`LintReport.linted`)."""
    return file_key(str(absolute(Path(path))), data)


def _jobs_count(jobs: int, work: int) -> int:
    if jobs > 0:
        return jobs
    return worker_count(work, PARALLEL_MIN)


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
    files = _expand(newsroom, paths)
    extra = [Path(t) for t in transcripts]
    for transcript in extra:
        if not transcript.is_file():
            raise NotFoundError(f"no such transcript: {transcript}")
    run = _Run(newsroom, files, selection, extra, jobs, progress).lint
    if not use_cache:
        return run(use_cache=False)
    try:
        return run(use_cache=True)
    except sqlite3.OperationalError:
        return run(use_cache=False)  # another run holds the cache: lint without it
    except (TypeError, ValueError, KeyError, IndexError, AttributeError, sqlite3.DatabaseError):
        # a cache of the right digest but not of the right shape (edited, or written by
        # a broken copy): drop it and lint afresh, once
        LintCache.drop(newsroom)
        return run(use_cache=False)


INCREMENTAL_MAX = 64  # changed articles to analyse before a run compares every article
FEW = 200  # linted articles compared with a ledger of their partners only
COMMIT_EVERY = 256  # articles read between commits of the cache


@dataclass
class _Run:
    """One lint run: the article-scope rules over the linted files (from the cache or
    read), then the rules that compare articles, around what changed since the last run.
    """

    newsroom: Newsroom
    files: list[str]  # absolute
    selection: Selection
    transcripts: Sequence[Path]
    jobs: int
    progress: Progress | None

    def lint(self, use_cache: bool) -> LintReport:
        newsroom = self.newsroom
        digest = run_digest(newsroom, self.selection, self.transcripts)
        self.cache = LintCache(newsroom, digest, enabled=use_cache)
        try:
            return self._lint()
        finally:
            self.cache.close()

    def _lint(self) -> LintReport:
        newsroom, cache = self.newsroom, self.cache
        self.compare = [r for r in self.selection.rules() if r.scope == "newsroom"]
        self.parts = frozenset(part for r in self.compare for part in r.ledger_parts)
        self.targets = {path: newsroom.relative(path) for path in self.files}
        self.others: dict[str, str] = {}
        if self.compare:
            self.others = {
                path: newsroom.relative(path)
                for path in newsroom.article_files()
                if path not in self.targets
            }
        self.everyone = {**self.others, **self.targets}  # path -> where, every article
        self.keys = cache.keys([*self.targets, *self.others])
        self.findings: dict[str, list[dict[str, Any]]] = {}
        entries = cache.findings((self.keys[p] for p in self.targets), sorted(self.parts))
        work: list[Job] = []
        nothing: tuple[None, frozenset[str]] = (None, frozenset())
        for path in self.targets:
            findings, held = entries.get(self.keys[path], nothing)
            missing = self.parts - held
            if findings is not None:
                self.findings[path] = findings
            if findings is None or missing:
                work.append((path, findings is None, missing))
        del entries
        report = LintReport(cached=len(self.targets) - len(work), read=len(work))
        self._read(work)
        compared = self._compare_all(report) if self.compare else {}
        cache.save()
        for path, where in self.targets.items():
            report.files.append(where)
            report.linted[where] = self.keys[path]
            made = [*(self.findings.get(path) or ()), *compared.get(where, ())]
            if made:  # most articles of an archive have none
                found = {Finding(**f) for f in made}
                kept = [f for f in found if not self.selection.ignored_in(where, f.code)]
                report.findings.extend(sorted(kept, key=Finding.sort_key))
        return report

    def _read(self, work: list[Job], retry: bool = True) -> None:
        """Read articles, keeping what they give in the cache as it comes (committed
        every few hundred, so another run waiting to write is not held for long)."""
        if not work:
            return
        workers = _jobs_count(self.jobs, len(work))
        results = _run_jobs(
            self.newsroom, self.selection, self.transcripts, work, workers, self.progress
        )
        again: list[Job] = []
        for done, (path, found, ledger, index, key) in enumerate(results, 1):
            if key != self.keys[path] and found is None and path in self.targets:
                again.append((path, True, frozenset(ledger)))  # saved since: read it whole
            self.keys[path] = key  # what was found is of the bytes read
            self.cache.put(key, {**ledger, "findings": found}, index)
            if found is not None:
                self.findings[path] = found
            if done % COMMIT_EVERY == 0:
                self.cache.commit()
        if again and retry:
            self._read(again, retry=False)

    def _ledger_entries(
        self, keys: Iterable[str], parts: Iterable[str] = ("quotes", "figures")
    ) -> dict[str, Contribution]:
        return {
            key: Contribution.from_json(entry) for key, entry in self.cache.rows(keys, tuple(parts))
        }

    def _compare_all(self, report: LintReport) -> dict[str, list[dict[str, Any]]]:
        """The cross-article findings of every linted file: those kept from the last run
        where nothing they depend on has changed, the others made now."""
        cache = self.cache
        everyone = self.everyone
        by_rel = {rel: path for path, rel in everyone.items()}
        current = {rel: self.keys[path] for path, rel in everyone.items()}
        before = cache.state()
        changed = {
            rel
            for rel in current.keys() | before.keys()
            if current.get(rel) != before.get(rel, ("",))[0]
        }
        mine = set(self.targets.values())
        codes = frozenset(rule.code for rule in self.compare)
        local = all(rule.ledger_reach == "shared" for rule in self.compare)
        affected = self._affected(before, current, changed) if local and before else None
        todo: dict[str, frozenset[str]] = {}  # linted article -> the rules to run again
        if affected is None:  # compare every linted file; nothing else kept is sure
            todo = dict.fromkeys(mine, codes)
            stale = set(before) - mine if changed else set()
        else:
            reached = set().union(*affected.values())
            for rel in mine:
                if rel in changed or not before.get(rel, ("", False))[1]:
                    todo[rel] = codes  # nothing kept of it
                elif rel in reached and (again := self._rules_reached(rel, affected)):
                    todo[rel] = again
            stale = reached - mine
        report.compared = self._read_others(set(todo), by_rel)
        current = {rel: self.keys[path] for path, rel in everyone.items()}
        found = cache.compared(mine)
        groups: dict[frozenset[str], list[str]] = {}
        for rel in sorted(todo):
            groups.setdefault(todo[rel], []).append(rel)
        fresh: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for again, rels in groups.items():
            rules = [rule for rule in self.compare if rule.code in again]
            made = self._compare_batch(rels, rules, current, by_rel, local)
            fresh.update({rel: {**found.get(rel, {}), **made[rel]} for rel in rels})
        cache.keep_state(current, changed, fresh, stale)
        found.update(fresh)
        return {
            rel: [f for code in sorted(kept) for f in kept[code]] for rel, kept in found.items()
        }

    def _partners(self, contributions: Iterable[Contribution], part: str) -> set[str]:
        """The keys of the entries whose ``part`` may interact with that of
        ``contributions``: a quotation holding or held by one of theirs, or a figure of
        the same quantity with another value."""
        found: set[str] = set()
        if part == "quotes":
            for contribution in contributions:
                for quote in contribution.quotes:
                    found |= self.cache.quote_partners(quote_runs(quote.words))
        elif part == "figures":
            values: dict[int, set[float]] = {}
            for contribution in contributions:
                for hashed, value in contribution.quantities():
                    values.setdefault(hashed, set()).add(value)
            if values:
                found = {
                    key
                    for key, hashed, value in self.cache.quantity_partners(values)
                    if any(differ(value, mine) for mine in values[hashed])
                }
        return found

    def _rules_reached(self, rel: str, affected: dict[str, set[str]]) -> frozenset[str]:
        """The rules whose findings for ``rel`` a change reached, by the parts they read."""
        return frozenset(
            rule.code
            for rule in self.compare
            if any(rel in affected[part] for part in rule.ledger_parts)
        )

    def _affected(
        self, before: dict[str, tuple[str, bool]], current: dict[str, str], changed: set[str]
    ) -> dict[str, set[str]] | None:
        """The articles whose cross-article findings a change may alter, by ledger part:
        those changed, and the partners (:meth:`_partners`) of what a changed one said
        before or says now, when that differs (an edit elsewhere in an article reaches no
        other). None when too many changed articles need analysing to tell."""
        new_keys = {current[rel] for rel in changed if rel in current}
        have = self.cache.present(new_keys, tuple(self.parts))
        everyone = self.everyone
        unread = [
            path
            for path, rel in everyone.items()
            if rel in changed and self.parts - have.get(current[rel], frozenset())
        ]
        if len(unread) > INCREMENTAL_MAX:
            return None
        self._read([(path, False, self.parts) for path in unread])
        current.update({rel: self.keys[path] for path, rel in everyone.items() if rel in changed})
        old_keys = {before[rel][0] for rel in changed if rel in before}
        new_keys = {current[rel] for rel in changed if rel in current}
        entries = self._ledger_entries(old_keys | new_keys, self.parts)
        affected: dict[str, set[str]] = {}
        for part in self.parts:
            touched = []  # what changed articles said before and say now, where it differs
            for rel in changed:
                old = entries.get(before[rel][0]) if rel in before else None
                new = entries.get(current[rel]) if rel in current else None
                if old is None or new is None or old.outline(part) != new.outline(part):
                    touched += [c for c in (old, new) if c is not None]
            holders = self._partners(touched, part)
            affected[part] = set(changed)
            affected[part] |= {rel for rel, key in current.items() if key in holders}
            affected[part] |= {rel for rel, (key, _has) in before.items() if key in holders}
        return affected

    def _read_others(self, need: set[str], by_rel: dict[str, str]) -> int:
        """Analyse the articles that are not linted but may conflict with those compared
        now: those whose ledger parts are not cached, when a quick look at their text
        (:class:`Sketch`) cannot rule out a conflict. Returns how many were read."""
        if not need:
            return 0
        have = self.cache.present((self.keys[p] for p in self.others), tuple(self.parts))
        unread = [path for path in self.others if self.parts - have.get(self.keys[path], set())]
        if not unread:
            return 0
        ours = self._ledger_entries(self.keys[by_rel[rel]] for rel in need)
        mine = list(ours.values())
        quotes = wanted_quotes(mine) if "quotes" in self.parts else Wanted()
        terms = wanted_terms(mine) if "figures" in self.parts else set()
        work: list[Job] = []
        for path in unread:
            missing = self.parts - have.get(self.keys[path], frozenset())
            try:
                text = Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            sketch = Sketch(text)
            wanted = frozenset(
                p
                for p in missing
                if (p == "quotes" and (quotes.whole or quotes.loose) and sketch.may_quote(quotes))
                or (p == "figures" and terms and sketch.may_state(terms))
                or p not in ("quotes", "figures")
            )
            if wanted:
                work.append((path, False, wanted))
        self._read(work)
        return len(work)

    def _compare_batch(
        self,
        batch: list[str],
        rules: list[type[Rule]],
        current: dict[str, str],
        by_rel: dict[str, str],
        local: bool,
    ) -> dict[str, dict[str, list[dict[str, Any]]]]:
        """Run ``rules`` for the linted articles of ``batch`` against a ledger, in path
        order, of every article sharing a run (quotes) or a quantity (figures) with them
        (every article, for a rule that reads the whole ledger): by article, by rule."""
        parts = {part for rule in rules for part in rule.ledger_parts}
        few = local and len(batch) <= FEW
        ours = self._ledger_entries((current[rel] for rel in batch), parts) if few else {}
        contributions: dict[str, Contribution] = {}
        for part in parts:
            if few:
                holders = self._partners(ours.values(), part)
                rels = {*batch, *(rel for rel, key in current.items() if key in holders)}
            else:
                rels = set(current)
            entries = self._ledger_entries((current[rel] for rel in rels), (part,))
            for rel in rels:
                got = contributions.setdefault(rel, Contribution())
                entry = entries.get(current[rel])
                if entry is not None:
                    got.quotes, got.figures = (
                        got.quotes or entry.quotes,
                        got.figures or entry.figures,
                    )
        ledger = Ledger({rel: contributions[rel] for rel in sorted(contributions)})
        made: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for rel in batch:
            found = _compare(by_rel[rel], rel, ledger, rules, self.selection)
            made[rel] = {
                rule.code: [f.model_dump() for f in found if f.code == rule.code] for rule in rules
            }
        return made


def _run_jobs(
    newsroom: Newsroom,
    selection: Selection,
    transcripts: Sequence[Path],
    jobs_list: list[Job],
    workers: int,
    progress: Progress | None,
) -> Iterator[Result]:
    args = (str(newsroom.root), selection, [str(t) for t in transcripts])
    total = len(jobs_list)
    if workers <= 1 or total < 2:
        _start(*args)
        _STATE["newsroom"] = newsroom
        for i, job in enumerate(jobs_list, 1):
            yield _read(job)
            if progress is not None:
                progress(i, total)
        return
    from concurrent.futures import ProcessPoolExecutor  # only for a cold run: not at start-up
    from multiprocessing import get_context

    context = get_context("fork") if hasattr(os, "fork") else get_context("spawn")
    chunk = max(1, min(16, total // (workers * 4) or 1))
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=args
    ) as pool:
        for i, result in enumerate(pool.map(_read, jobs_list, chunksize=chunk), 1):
            yield result
            if progress is not None:
                progress(i, total)


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
