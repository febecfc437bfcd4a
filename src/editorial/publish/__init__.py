"""Publishing: Markdown rendering, pages, feeds, sitemaps and JSON-LD."""

from typing import TYPE_CHECKING

from editorial._lazy import lazy_names

# Names load on first use, so importing one submodule (the citation pattern, say)
# does not load the whole package: each name -> the module that defines it.
_LAZY = {
    "Rendered": "editorial.publish.markdown",
    "render": "editorial.publish.markdown",
    "safe_url": "editorial.publish.sanitize",
    "sanitize": "editorial.publish.sanitize",
    "BuildReport": "editorial.publish.site",
    "build_site": "editorial.publish.site",
    "output_dir": "editorial.publish.site",
    "ArticleView": "editorial.publish.views",
    "article_view": "editorial.publish.views",
    "is_live": "editorial.publish.views",
}

if TYPE_CHECKING:
    from editorial.publish.markdown import Rendered, render
    from editorial.publish.sanitize import safe_url, sanitize
    from editorial.publish.site import BuildReport, build_site, output_dir
    from editorial.publish.views import ArticleView, article_view, is_live


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())

__all__ = [
    "ArticleView",
    "BuildReport",
    "Rendered",
    "article_view",
    "build_site",
    "is_live",
    "output_dir",
    "render",
    "safe_url",
    "sanitize",
]
