"""Publishing: Markdown rendering, pages, feeds, sitemaps and JSON-LD."""

from editorial.publish.markdown import Rendered, render
from editorial.publish.sanitize import safe_url, sanitize
from editorial.publish.site import BuildReport, build_site, output_dir
from editorial.publish.views import ArticleView, article_view, is_live

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
