"""The WSGI entry point that waitress and Zappa load."""
from . import create_app

app = create_app()
