"""The static copy: the app and every GET of the content API as files, for an S3 bucket behind CloudFront.

    python -m api.static_site OUT        (make static: OUT is build/static)

The content GETs are pure functions of the content, so a CDN can serve them; only POST /api/v1/assessments
then needs Lambda. Each URL is the file at the same path (no extension: /api/v1/content/check is
`api/v1/content/check`),
except where a file system cannot hold it or a query picks the answer; `object_key` says where those go, and the
CDN's viewer-request function (docs/deploy.md) rewrites requests the same way. The app itself asks only for
api/v1/content/check, api/v1/content/rest and api/v1/health, which keep their paths, so in English it works from
any plain static server; another language needs the CDN's rewrite of `?lang=` (its files are under `_lang/<id>/`).
"""
import itertools
import shutil
import sys
from pathlib import Path

from . import create_app, openapi

MARKER = ".twitch-static-copy"  # marks a folder this module wrote, so that a new export may replace it
# Paths with others under them: /api/v1/content/check, /api/v1/triggers/sleep...
COLLECTIONS = ("/api/v1/content", "/api/v1/triggers", "/api/v1/tips", "/api/v1/conditions")
SOURCE_LANGUAGE = "en"  # `?lang=en` is the plain file: a static server that ignores queries still serves English
NOT_FOUND = "api/v1/_not-found"  # the CDN's answer for any missing file: the API's own 404 problem


def object_key(path, query=None):
    """The file, relative to the copy's root (the S3 key), that answers GET `path` with `query`.

    Names beginning with `_` or holding `-` cannot be ids (ids are lower-case letters, digits and `_`, starting
    with a letter or digit), so they never clash with an item. Another language's files are under `_lang/<id>/`.
    """
    query = query or {}
    lang = query.get("lang", SOURCE_LANGUAGE)
    prefix = "" if lang == SOURCE_LANGUAGE else f"_lang/{lang}/"
    if path == "/api/v1/tips" and "trigger" in query:
        return f"{prefix}api/v1/tips/_trigger/{query['trigger']}"
    if path in COLLECTIONS:
        return prefix + path.lstrip("/") + "/_index"
    if path == "/api/docs":  # the docs page holds the content's words: one per language
        return prefix + "api/docs/index.html"
    if path.endswith("/"):
        return path.strip("/") + ("/" if path.strip("/") else "") + "index.html"
    return prefix + path.lstrip("/")


def api_pages(app):
    """Every GET the copy answers, as (path, query): from the OpenAPI document, ids and query values expanded."""
    languages = [SOURCE_LANGUAGE]
    for path, item in openapi.document(app)["paths"].items():
        operation = item.get("get")
        if operation is None:
            continue
        parameters = operation.get("parameters", [])
        in_path = [p for p in parameters if p["in"] == "path"]
        in_query = [p for p in parameters if p["in"] == "query"]
        paths = [path]
        for parameter in in_path:
            # Ids are open strings (v1 may add some); the document lists the ones the content has now.
            known = parameter["schema"].get("x-extensible-enum")
            if known is None:
                raise ValueError(f"{path}: the static copy needs the known values of '{parameter['name']}' "
                                 "(x-extensible-enum)")
            paths = [p.replace("{" + parameter["name"] + "}", value) for p in paths for value in known]
        # A query's values: a closed enum, or an open string's known values (x-extensible-enum).
        choices = [[(p["name"], None)] + [(p["name"], v) for v in p["schema"].get("enum") or
                                          p["schema"].get("x-extensible-enum", [])] for p in in_query]
        languages = [*languages, *(value for name, value in itertools.chain(*choices)
                                   if name == "lang" and value and value not in languages)]
        for concrete in paths:
            for combination in itertools.product(*choices):  # every query, each parameter given or not
                yield concrete, {name: value for name, value in combination if value is not None}
    yield "/api/v1/openapi.json", {}
    yield "/api/docs", {}
    for lang in languages[1:]:
        yield "/api/docs", {"lang": lang}


def _fresh(out):
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            sys.exit(f"{out} is not empty and is not a static copy: choose an empty or new folder")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def _write(out, key, data):
    target = out / key
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def export(out, app=None):
    """Write the static copy into `out` (a new folder, or an earlier copy that it replaces); its file count."""
    app = app or create_app()
    out = Path(out)
    _fresh(out)
    client = app.test_client()
    frontend = Path(app.config["FRONTEND_DIR"])
    count = 0
    for source in sorted(p for p in frontend.rglob("*") if p.is_file()):
        relative = source.relative_to(frontend)
        if "tests" in relative.parts or relative.name.startswith("."):
            continue
        _write(out, relative.as_posix(), source.read_bytes())
        count += 1
    docs_static = Path(app.root_path) / "static"
    pages = [*api_pages(app), *((f"/api/docs/static/{p.relative_to(docs_static).as_posix()}", {})
                                for p in sorted(docs_static.rglob("*")) if p.is_file())]
    for path, query in pages:
        with client.get(path, query_string=query) as response:
            if response.status_code != 200:
                raise RuntimeError(f"GET {path} {query or ''} answered {response.status_code}: not exported")
            _write(out, object_key(path, query), response.get_data())
            count += 1
    with client.get("/" + NOT_FOUND) as response:
        _write(out, NOT_FOUND, response.get_data())
    (out / MARKER).write_text("Written by `python -m api.static_site`; the next export replaces this folder.\n")
    return count


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        sys.exit("usage: python -m api.static_site OUT")
    count = export(argv[0])
    print(f"static copy: {count} files in {argv[0]} (upload and CDN setup: docs/deploy.md)")


if __name__ == "__main__":
    main()
