"""One article's quotations, speakers and transcript verdicts: what the Q rules and the
quote sheet read. Computed once per article and lint run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editorial.errors import InputError
from editorial.lint.quotes.attribution import Attribution, attribute
from editorial.lint.quotes.cues import same_speaker
from editorial.lint.quotes.finder import Found, Quotation, find_quotations
from editorial.lint.quotes.names import NameIndex, Speaker
from editorial.lint.quotes.verify import Passage, TranscriptIndex, Verdict
from editorial.model.article import ArticleMeta
from editorial.model.transcript import Transcript
from editorial.newsroom.article import Article
from editorial.newsroom.newsroom import Newsroom, escapes
from editorial.newsroom.text import Position
from editorial.newsroom.transcripts import read_transcript


@dataclass
class QuoteCheck:
    """One quotation of an article with its speaker and transcript verdict."""

    quotation: Quotation
    text: str
    attribution: Attribution
    verdict: Verdict | None
    start: Position
    end: Position

    @property
    def speaker(self) -> Speaker | None:
        return self.attribution.speaker


@dataclass
class SourceProblem:
    """A transcript named in the front matter that cannot be used."""

    index: int | None
    name: str
    message: str


@dataclass
class QuoteAnalysis:
    """Everything the quotation rules need about one article."""

    found: Found
    names: NameIndex
    checks: list[QuoteCheck]
    transcripts: TranscriptIndex | None
    problems: list[SourceProblem] = field(default_factory=list)

    def speaker_in_transcripts(self, speaker: Speaker) -> bool:
        """True when ``speaker`` speaks in at least one of the article's transcripts."""
        if self.transcripts is None:
            return False
        return any(
            same_speaker(speaker, Speaker(self.transcripts.speaker_ids[label], label))
            for label in self.transcripts.speakers
        )

    def is_speaker(self, speaker: Speaker) -> Any:
        def check(passage: Passage) -> bool:
            return same_speaker(speaker, Speaker(passage.speaker_id, passage.speaker))

        return check


def meta_of(article: Article) -> ArticleMeta:
    """The article's front matter, or an empty one for a file without front matter (plain
    text or Markdown from elsewhere): its quotations are still found and attributed."""
    if article.meta is not None:
        return article.meta
    if article.lenient is not None:
        return article.lenient
    return ArticleMeta.model_construct(
        title="", slug=article.path.stem, authors=[], people=[], transcripts=[], citations=[]
    )


def name_index(newsroom: Newsroom, article: Article) -> NameIndex:
    """The people of ``article`` and its authors (by their names in authors/)."""
    meta = meta_of(article)
    authors = []
    for slug in meta.authors:
        try:
            author = newsroom.author(slug)
        except InputError:
            author = None
        authors.append((slug, author.name if author else slug.replace("-", " ").title()))
    return NameIndex(meta.people, authors)


def load_transcripts(
    newsroom: Newsroom, article: Article, extra: Sequence[Path] = ()
) -> tuple[list[Transcript], list[SourceProblem]]:
    """The article's transcripts (front matter, then ``extra``) and the ones that failed."""
    loaded: list[Transcript] = []
    problems: list[SourceProblem] = []
    for i, name in enumerate(meta_of(article).transcripts):
        path = newsroom.source_path(name)
        if escapes(newsroom.root, path):
            problems.append(
                SourceProblem(
                    i, name, f"transcript sources/{name} links outside the newsroom; refused"
                )
            )
            continue
        if path.is_dir():
            problems.append(
                SourceProblem(i, name, f"transcript sources/{name} is a folder, not a file")
            )
            continue
        if not path.is_file():
            problems.append(SourceProblem(i, name, f"transcript sources/{name} does not exist"))
            continue
        limit = newsroom.config.lint.max_transcript_bytes
        size = path.stat().st_size
        if size > limit:
            problems.append(
                SourceProblem(
                    i,
                    name,
                    f"transcript sources/{name} is {size:,} bytes, more than [lint] "
                    f"max_transcript_bytes ({limit:,}); quotations are not checked against it",
                )
            )
            continue
        try:
            transcript = read_transcript(path, name)
        except InputError as exc:
            problems.append(SourceProblem(i, name, f"transcript sources/{name}: {exc.message}"))
            continue
        loaded.append(transcript)
        problems += [
            SourceProblem(i, name, f"transcript sources/{name}, {message}")
            for _line, message in transcript.problems
        ]
    if not meta_of(article).transcripts:
        extra = [*extra, *conventional_transcripts(newsroom, article)]
    for path in extra:
        try:
            loaded.append(read_transcript(Path(path)))
        except InputError as exc:
            problems.append(SourceProblem(None, str(path), f"transcript {path}: {exc.message}"))
    return loaded, problems


def conventional_transcripts(newsroom: Newsroom, article: Article) -> list[Path]:
    """Transcripts named after an article that lists none: ``sources/<slug>.vtt`` (or
    ``.txt``, ``.md``), or a ``.vtt`` or ``.txt`` beside the article with its name."""
    slug = meta_of(article).slug or article.path.stem
    found = [newsroom.source_path(f"{slug}{ext}") for ext in (".vtt", ".txt", ".md")]
    found += [article.path.with_suffix(ext) for ext in (".vtt", ".txt")]
    return [p for p in dict.fromkeys(found) if p.is_file()]


def analyze(
    newsroom: Newsroom,
    article: Article,
    extra_transcripts: Sequence[Path] = (),
    found: Found | None = None,
) -> QuoteAnalysis:
    """Find, attribute and verify every quotation of ``article`` (``found``: its quotations,
    when they have been found already)."""
    names = name_index(newsroom, article)
    found = found if found is not None else find_quotations(article.body)
    attributions = attribute(found, names)
    transcripts, problems = load_transcripts(newsroom, article, extra_transcripts)
    index = TranscriptIndex(transcripts, names.resolve) if transcripts else None
    doc = article.document
    checks = []
    for attribution in attributions:
        q = attribution.quote
        text = q.text(found.masked)
        verdict = index.verdict(text) if index is not None else None
        checks.append(
            QuoteCheck(
                q, text, attribution, verdict, doc.body_position(q.start), doc.body_position(q.end)
            )
        )
    return QuoteAnalysis(found, names, checks, index, problems)


def found_for(ctx: Any) -> Found:
    """The quotations of the context's article, found once per lint run (the quotation
    rules and the figure rules both read them)."""
    cache: dict[Path, Found] = ctx.shared.setdefault("found", {})
    path = ctx.article.path
    if path not in cache:
        cache[path] = find_quotations(ctx.article.body)
    return cache[path]


def analysis_for(ctx: Any) -> QuoteAnalysis:
    """The analysis of the context's article, computed once per lint run."""
    cache: dict[Path, QuoteAnalysis] = ctx.shared.setdefault("quotes", {})
    path = ctx.article.path
    if path not in cache:
        cache[path] = analyze(ctx.newsroom, ctx.article, ctx.transcripts, found_for(ctx))
    return cache[path]
