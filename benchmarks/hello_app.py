"""A hello-world Flask + flask-cors + marshmallow app, the yardstick for the cold-start and load benchmarks.

It answers the same routes as the real app with the least work each can do: a tiny JSON document with an ETag
(and 304 on If-None-Match), and a POST whose body one marshmallow field validates.
"""
from flask import Flask, jsonify, request
from flask_cors import CORS
from marshmallow import Schema, ValidationError, fields

app = Flask(__name__)
CORS(app, resources={r"/api/*": {"origins": "*"}})


class Hello(Schema):
    answers = fields.Dict(required=True)


@app.get("/api/v1/content")
def content():
    response = jsonify({"version": "hello", "message": "hello, world"})
    response.set_etag("hello")
    return response.make_conditional(request)


@app.get("/api/v1/health")
def health():
    return jsonify({"status": "ok"})


@app.post("/api/v1/assessments")
def assessments():
    try:
        body = Hello().load(request.get_json(force=True))
    except ValidationError as error:
        return jsonify(error.messages), 422
    return jsonify({"hello": sorted(body["answers"])})
