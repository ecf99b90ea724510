"""Serve the app and the API locally with waitress: python -m api (PORT and HOST override)."""
import os

from .server import serve
from .wsgi import app

if __name__ == "__main__":
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8000"))
    print(f"The twitch trigger checker is running at http://{host}:{port}/ (API docs: http://{host}:{port}/api/docs)", flush=True)
    serve(app, host=host, port=port)
