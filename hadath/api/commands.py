"""``hadath serve``: the click command the CLI registers."""

from __future__ import annotations

import click

__all__ = ["serve"]


@click.command("serve")
@click.option("--db", "db_path", default="hadath.db", show_default=True, help="SQLite store to serve.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db_path: str, host: str, port: int) -> None:
    """Serve the read-only JSON API (/api/..., /docs) and the dashboard (/)."""
    import uvicorn

    from hadath.api.app import create_app

    try:
        app = create_app(db_path)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    uvicorn.run(app, host=host, port=port, log_level="info")
