"""The workbench's web app: one page and a small JSON API, all behind a random token.

Every request must carry the token the command printed (``?token=`` in the URL, or the
``X-Tollbook-Token`` header the page's script sends); any other request is refused with 403.
The page, its script and its style ship with the package (``templates/``, ``static/``).
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from tollbook.contract import vocabulary as voc
from tollbook.extract.propose.numbers import NumberReader
from tollbook.extract.propose.review import ReviewError
from tollbook.workbench import reference
from tollbook.workbench.documents import Folders, queue, view
from tollbook.workbench.saving import SaveRefused, problems_for, save, selection_claim

HERE = Path(__file__).parent
STATIC = HERE / "static"
TOKEN_HEADER = "x-tollbook-token"
FIGURE_KINDS = ("casualties", "airstrikes", "control_changes", "force_sizes")


class _TokenGate:
    """Pure ASGI middleware: no token, no answer."""

    def __init__(self, app, token: str):
        self.app, self.token = app, token

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            request = Request(scope)
            given = request.query_params.get("token") or request.headers.get(TOKEN_HEADER) or ""
            if not secrets.compare_digest(given.encode(), self.token.encode()):
                response = PlainTextResponse("refused: open the workbench with the URL that "
                                             "`tollbook workbench` printed (it carries the token)",
                                             status_code=403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(dataset: Path, drafts: Path, token: str | None = None, check=None) -> Starlette:
    """The app for ``dataset`` and its ``drafts`` folder. ``check(dataset)`` returns problems
    (default: :func:`tollbook.pipeline.prepare`'s)."""
    folders = Folders(Path(dataset), Path(drafts))
    token = token or secrets.token_urlsafe(24)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    lock = threading.Lock()  # one save at a time in this server; other writers: expected_sha

    if check is None:
        def check(ds: Path):
            from tollbook.pipeline import prepare
            return prepare(ds).problems

    class _Prepared:  # problems_for wants something with .problems
        def __init__(self, problems):
            self.problems = problems

    def _problems(stem: str) -> list[dict]:
        return _rows(problems_for(folders.dataset, stem, prepare=lambda ds: _Prepared(check(ds))))

    def page(request: Request) -> Response:
        return templates.TemplateResponse(request, "workbench.html", {"token": token})

    def static(request: Request) -> Response:
        name = request.path_params["name"]
        path = (STATIC / name).resolve()
        if path.parent != STATIC.resolve() or not path.is_file():
            return PlainTextResponse("not found", status_code=404)
        return FileResponse(path)

    def api_queue(request: Request) -> Response:
        rows, progress = queue(folders)
        return JSONResponse({"documents": [r for r in rows if r["undecided"]],
                             "progress": {"decided": progress.decided, "total": progress.total,
                                          "by_curator": progress.by_curator}})

    def api_choices(request: Request) -> Response:
        data = reference.choices(folders.dataset)
        data["vocabulary"] = {"outcomes": voc.OUTCOMES, "qualifiers": voc.QUALIFIERS, "hedges": voc.HEDGES,
                              "weapons": voc.WEAPONS, "control_statuses": voc.CONTROL_STATUSES,
                              "actor_types": voc.ACTOR_TYPES, "feature_types": voc.FEATURE_TYPES,
                              "event_types": voc.EVENT_TYPES, "date_prec": voc.DATE_PRECISION,
                              "where_prec": voc.WHERE_PRECISION}
        return JSONResponse(data)

    def api_doc(request: Request) -> Response:
        stem = request.path_params["stem"]
        try:
            return JSONResponse(_doc_json(folders, stem))
        except FileNotFoundError:
            return JSONResponse({"error": f"no document {stem}"}, status_code=404)
        except ReviewError as exc:
            return JSONResponse({"error": str(exc)}, status_code=409)

    async def api_selection(request: Request) -> Response:
        stem = request.path_params["stem"]
        body = await request.json()
        try:
            claim = selection_claim(folders, stem, int(body["start"]), int(body["end"]))
        except (ReviewError, KeyError, ValueError, TypeError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=422)
        return JSONResponse({"claim": jsonable(claim)})

    async def api_save(request: Request) -> Response:
        stem = request.path_params["stem"]
        body = await request.json()
        from starlette.concurrency import run_in_threadpool

        def work():
            with lock:
                saved = save(folders, stem, [from_json(d) for d in body.get("decisions") or []],
                             body.get("by") or "", body.get("expected_sha", None),
                             new_claims=body.get("new_claims") or [])
                return saved, _problems(stem)

        if not isinstance(body.get("expected_sha"), str):
            return JSONResponse({"error": "the page sent no expected_sha; reload it"}, status_code=400)
        try:
            saved, problems = await run_in_threadpool(work)
        except SaveRefused as exc:
            return JSONResponse({"error": str(exc), "problems": _rows(exc.problems)}, status_code=422)
        except ReviewError as exc:
            status = 409 if "changed since it was opened" in str(exc) else 422
            return JSONResponse({"error": str(exc)}, status_code=status)
        return JSONResponse({"saved": saved.report.summary(), "added": saved.report.added,
                             "record_sha": saved.record_sha, "problems": problems,
                             "document": _doc_json(folders, stem)})

    async def api_reference(request: Request) -> Response:
        table = request.path_params["table"]
        body = await request.json()
        from starlette.concurrency import run_in_threadpool

        def work():
            with lock:
                return reference.add_row(folders.dataset, table, dict(body.get("row") or {}), check)
        try:
            problems = await run_in_threadpool(work)
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, status_code=422)
        return _written(problems, f"reference/{table}.csv")

    async def api_event(request: Request) -> Response:
        body = await request.json()
        from starlette.concurrency import run_in_threadpool

        def work():
            with lock:
                return reference.add_event(folders.dataset, dict(body.get("event") or {}),
                                           body.get("by") or "workbench", check)
        path, problems = await run_in_threadpool(work)
        return _written(problems, path.relative_to(folders.dataset).as_posix())

    def api_suggest(request: Request) -> Response:
        q = request.query_params
        return JSONResponse({"events": reference.suggest_events(folders.dataset, q.get("date"),
                                                                 q.get("location"))})

    app = Starlette(routes=[
        Route("/", page),
        Route("/static/{name}", static),
        Route("/api/queue", api_queue),
        Route("/api/choices", api_choices),
        Route("/api/events/suggest", api_suggest),
        Route("/api/events", api_event, methods=["POST"]),
        Route("/api/reference/{table}", api_reference, methods=["POST"]),
        Route("/api/doc/{stem}", api_doc),
        Route("/api/doc/{stem}/selection", api_selection, methods=["POST"]),
        Route("/api/doc/{stem}/save", api_save, methods=["POST"]),
    ])
    app.state.token = token
    app.state.folders = folders
    return _TokenGate(app, token)


def _rows(problems) -> list[dict]:
    return [{"file": p.file, "line": p.line, "record_id": p.record_id, "field": p.field,
             "code": p.code, "message": p.message} for p in problems]


def _written(problems, where: str) -> Response:
    rows = _rows(problems)
    if rows:
        return JSONResponse({"error": f"not added: the dataset check found problems in {where}",
                             "problems": rows}, status_code=422)
    return JSONResponse({"written": where})


def _doc_json(folders: Folders, stem: str) -> dict:
    v = view(folders, stem)
    vague = reference.read_table(folders.dataset, "vague_quantities")
    reader = NumberReader.from_rows(vague)
    return {"stem": v.stem, "document_id": v.document_id, "text": v.text, "body": list(v.body),
            "record_sha": v.record_sha, "has_draft": v.has_draft,
            "claims": [jsonable(c) | {"numbers": _numbers(reader, v.text, c)} for c in v.claims]}


def _numbers(reader: NumberReader, text: str, claim: dict) -> list[list[int]]:
    """Spans of the claim's figures' numbers in its quote, to underline."""
    start, end = claim.get("char_start"), claim.get("char_end")
    if not (isinstance(start, int) and isinstance(end, int)) or text[start:end] != claim.get("quote"):
        return []
    values, words = set(), set()
    for kind in FIGURE_KINDS:
        for fig in claim.get(kind) or []:
            count = (fig or {}).get("count") or {}
            if count.get("value") is not None:
                values.add(count["value"])
            if count.get("word"):
                words.add(str(count["word"]).lower())
    return [[q.start, q.end] for q in reader.find(text, start, end)
            if (q.value is not None and q.value in values) or (q.word or "").lower() in words]


def jsonable(value):
    """Record values for the page: dates as YYYY-MM-DD."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_DATE_KEYS = ("start", "end")


def from_json(decision: dict) -> dict:
    """A decision from the page, its dates turned back into dates (as the YAML has them)."""
    edits = decision.get("edits")
    if isinstance(edits, dict):
        decision = {**decision, "edits": {k: _dates(k, v) for k, v in edits.items()}}
    return decision


def _dates(key: str, value):
    if key == "date" and isinstance(value, dict):
        out = dict(value)
        for k in _DATE_KEYS:
            if isinstance(out.get(k), str):
                try:
                    out[k] = dt.date.fromisoformat(out[k])
                except ValueError:
                    pass  # left as written: the check reports it on the field
        return out
    if isinstance(value, list):
        return [{k: _dates(k, v) for k, v in x.items()} if isinstance(x, dict) else x for x in value]
    return value
