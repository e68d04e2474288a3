"""``tollbook workbench``: review drafted claims in a local page while reading the text."""

from __future__ import annotations

from pathlib import Path

import click

from tollbook.commands.options import dataset_option, dataset_or_default


@click.command("workbench")
@click.option("--drafts", "drafts", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Folder of drafts from `tollbook propose` (default: drafts/ beside the dataset folder).")
@click.option("--port", "port", type=click.IntRange(min=0, max=65535), default=8765, show_default=True,
              help="Port on 127.0.0.1 to serve the page on (0: any free port).")
@dataset_option
def command(drafts, port, dataset) -> None:
    """Serve the review workbench on 127.0.0.1 until Ctrl-C.

    Lists the documents with undecided claims; shows each text with its drafted quotes
    highlighted and every claim as a form; saves every decision through the same code as
    `tollbook review` (refused when the record file changed meanwhile) and shows the
    `tollbook check` problems of the record it wrote. Open the printed URL: it carries a
    random token, and requests without it are refused. Needs the `curate` extra
    (pip install -e '.[curate]').

    \b
    Example:
      tollbook workbench
      tollbook workbench --drafts drafts/ --port 8800
    """
    try:
        import uvicorn

        from tollbook.workbench.app import create_app
    except ImportError as exc:
        raise click.ClickException(f"the workbench needs the curate extra ({exc.name} is missing): "
                                   "pip install -e '.[curate]'") from None
    ds = dataset_or_default(dataset)
    folder = drafts if drafts is not None else ds.resolve().parent / "drafts"
    import secrets
    import socket

    token = secrets.token_urlsafe(24)
    app = create_app(ds, folder, token)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror} (try --port 0)") from None
    bound = sock.getsockname()[1]
    click.echo(f"dataset: {ds}\ndrafts: {folder}")
    click.echo(f"workbench: http://127.0.0.1:{bound}/?token={token}")
    click.echo("(Ctrl-C stops it; every decision is saved when it is made)")
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[sock])
