"""build and serve."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import click

from editorial.cli.app import Env, cli, pass_env
from editorial.printable import plural


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (default: [site] out, 'site').",
)
@click.option("--force", is_flag=True, help="Ignore the build cache and render every page.")
@click.option("-v", "--verbose", is_flag=True, help="List every file written or removed.")
@pass_env
def build(env: Env, out: Path | None, force: bool, verbose: bool) -> None:
    """Render published/ into a static site with feeds, sitemaps and JSON-LD.

    Only files whose content changed are written: a second build with no change writes
    nothing. Embargoed and scheduled articles appear nowhere before their time. Exit 1
    when an article of published/ could not be read (the others are still built).
    """
    from editorial.publish.site import build_site

    newsroom = env.newsroom()
    report = build_site(newsroom, out, force=force)
    for line in report.skipped:
        click.echo(f"skipped {line}", err=True)
    if verbose:
        for path in report.written:
            click.echo(f"wrote {path}")
        for path in report.removed:
            click.echo(f"removed {path}")
    where = newsroom.relative(report.out)
    click.echo(
        f"Built {plural(report.articles, 'article')} into {where}/: "
        f"{len(report.written)} written, {report.unchanged} unchanged, "
        f"{len(report.removed)} removed."
    )
    if report.skipped:
        count = len(report.skipped)
        click.echo(
            f"{plural(count, 'article')} could not be read; fix and build again.",
            err=True,
        )
        sys.exit(1)


@cli.command()
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1 (0: any).")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Site folder (default: [site] out).",
)
@click.option("--no-watch", is_flag=True, help="Build once; do not rebuild on changes.")
@pass_env
def serve(env: Env, port: int, out: Path | None, no_watch: bool) -> None:
    """Build the site, then preview it on http://127.0.0.1:PORT/ (Ctrl-C stops).

    The site is rebuilt when an article, bio, template or the config changes.
    """
    from editorial.publish.serve import make_server, watch
    from editorial.publish.site import build_site

    newsroom = env.newsroom()
    report = build_site(newsroom, out)
    server = make_server(report.out, port)
    stop = threading.Event()
    if not no_watch:
        threading.Thread(
            target=watch,
            args=(newsroom, report.out, stop),
            kwargs={"report": click.echo},
            daemon=True,
        ).start()
    host, real_port = server.server_address[:2]
    click.echo(
        f"Serving {newsroom.relative(report.out)}/ at http://{host!s}:{real_port}/ (Ctrl-C stops)"
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        stop.set()
        server.server_close()
