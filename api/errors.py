"""Problems as RFC 9457 application/problem+json, for every error the API can give."""
import traceback

from flask import json
from werkzeug.exceptions import HTTPException

from .answers import MAX_BODY_WORDS

TOO_LARGE = f"The body is larger than the {MAX_BODY_WORDS} the API accepts."

PROBLEM_TYPE = "application/problem+json"
INVALID_INPUT = "/api/docs#problem-invalid-input"  # one documented type for every bad-input problem


class Problem(Exception):
    """An error the client can fix; `errors` names each bad field."""

    def __init__(self, status, title, detail, errors=None, type_=INVALID_INPUT):
        super().__init__(detail)
        self.status, self.title, self.detail, self.errors, self.type = status, title, detail, errors, type_


def problem_response(status, title, detail, errors=None, type_="about:blank", headers=None):
    body = {"type": type_, "title": title, "status": status, "detail": detail}
    if errors is not None:
        body["errors"] = errors
    response_headers = {"Content-Type": PROBLEM_TYPE, "Cache-Control": "no-store", **(headers or {})}
    # ASCII JSON (other characters escaped): text echoed from a request can never fail to encode.
    return json.dumps(body, ensure_ascii=True) + "\n", status, response_headers


def field_errors(messages, prefix=""):
    """marshmallow's nested messages -> [{field, message}] with dotted field paths."""
    found = []
    if isinstance(messages, dict):
        for key, value in messages.items():
            path = prefix if key == "_schema" else (f"{prefix}.{key}" if prefix else str(key))
            found.extend(field_errors(value, path))
    elif isinstance(messages, list):
        for value in messages:
            if isinstance(value, str):
                found.append({"field": prefix or "(body)", "message": value})
            else:
                found.extend(field_errors(value, prefix))
    else:
        found.append({"field": prefix or "(body)", "message": str(messages)})
    return found


def register(app):
    @app.errorhandler(Problem)
    def client_problem(problem):
        return problem_response(problem.status, problem.title, problem.detail, problem.errors, problem.type)

    @app.errorhandler(HTTPException)
    def http_problem(error):
        headers = {}
        if error.code == 405 and getattr(error, "valid_methods", None):
            headers["Allow"] = ", ".join(error.valid_methods)
        detail = error.description
        if error.code == 413:
            detail = TOO_LARGE
        return problem_response(error.code, error.name, detail, headers=headers)

    @app.errorhandler(Exception)
    def unexpected(error):
        log_unexpected(app.logger, error)
        return problem_response(500, "Internal Server Error", "Something went wrong on our side.")


_unexpected_seen = {}  # (error type, file, line) -> times: code sites, so it stays small


def log_unexpected(logger, error):
    """Log a bug: its type and where it was raised, with the stack the first time in this process and one
    line after that, so a request repeated many times cannot flood the log. Never the error's message or
    the request: those can hold what the client sent (answers, a long path)."""
    frames = traceback.extract_tb(error.__traceback__)
    where = (frames[-1].filename, frames[-1].lineno) if frames else ("?", 0)
    site = (type(error).__name__, *where)
    _unexpected_seen[site] = times = _unexpected_seen.get(site, 0) + 1
    if times == 1:
        logger.error("unexpected %s at %s:%d; stack:\n%s", *site, "".join(traceback.format_list(frames)).rstrip())
    else:
        logger.error("unexpected %s at %s:%d (%d times in this process)", *site, times)
