"""Fixtures shared by all tests: the app, a test client, the content, and a live server on loopback."""
import shutil
import socket
from pathlib import Path

import pytest

from api import create_app
from api.content import CONTENT_DIR, load_content
from servers import ThreadedServer

ROOT = Path(__file__).resolve().parent.parent
# build the Lambda zip, fuzz every operation, lint the document and generate clients from it
SLOW = {"test_package.py", "test_fuzz.py", "test_lint.py", "test_clients.py"}
BROWSER = {"test_static.py"}  # besides tests/browser


def pytest_collection_modifyitems(items):
    """Mark the tests the fast loop leaves out, by where they live, so a new file there is marked too."""
    for item in items:
        path = Path(item.fspath)
        if "browser" in path.parts or path.name in BROWSER:
            item.add_marker(pytest.mark.browser)
        if path.name in SLOW:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def content():
    return load_content()


@pytest.fixture()
def app():
    return create_app({"TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def content_copy(tmp_path):
    """A writable copy of the content folder, for tests that break or change it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer(ThreadedServer):
    """The app on loopback, in a thread; `url` is its base address."""

    def __init__(self, app):
        super().__init__(app)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()


@pytest.fixture(scope="session")
def live_server():
    with LiveServer(create_app()) as server:
        yield server
