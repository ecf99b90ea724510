"""Installable: the manifest, icons and service worker as Chromium needs them, and the app's headers."""
import json
import re
import struct

import pytest
from playwright.sync_api import expect

from api.policy import read_csp_hashes, security_headers


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.fixture()
def manifest(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    return json.loads(response.data)


def test_the_manifest_has_what_installing_needs(manifest):
    for field in ("name", "short_name", "description", "start_url", "scope", "theme_color", "background_color"):
        assert manifest[field], field
    assert manifest["display"] == "standalone"
    assert len(manifest["short_name"]) <= 12, "short names longer than 12 characters are cut on home screens"


def test_the_manifest_icons_exist_at_their_sizes(client, manifest):
    sizes = {}
    for icon in manifest["icons"]:
        response = client.get("/" + icon["src"])
        assert response.status_code == 200, icon["src"]
        assert response.mimetype == icon["type"], icon["src"]
        if icon["type"] == "image/png":
            width, height = png_size(response.data)
            assert f"{width}x{height}" == icon["sizes"], icon["src"]
            sizes.setdefault(icon["purpose"], set()).add(width)
    assert {192, 512} <= sizes["any"]
    assert 512 in sizes["maskable"]


def test_the_manifest_screenshots_exist_at_their_sizes(client, manifest):
    assert {shot["form_factor"] for shot in manifest["screenshots"]} == {"narrow", "wide"}
    for shot in manifest["screenshots"]:
        response = client.get("/" + shot["src"])
        assert response.status_code == 200, shot["src"]
        width, height = png_size(response.data)
        assert f"{width}x{height}" == shot["sizes"], shot["src"]


def test_the_page_links_the_manifest_icons_and_ios_tags(client):
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="manifest" href="manifest.webmanifest">' in page
    touch_icon = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', page).group(1)
    assert png_size(client.get("/" + touch_icon).data) == (180, 180)
    for tag in ("apple-mobile-web-app-capable", "apple-mobile-web-app-title", "apple-mobile-web-app-status-bar-style",
                "theme-color", "description", "viewport"):
        assert f'<meta name="{tag}"' in page, tag
    assert "user-scalable=no" not in page and "maximum-scale" not in page, "people must be able to zoom"


@pytest.mark.parametrize("path, mimetype", [
    ("/", "text/html"), ("/sw.js", "text/javascript"), ("/js/app.js", "text/javascript"),
    ("/css/app.css", "text/css"), ("/icons/icon.svg", "image/svg+xml"), ("/manifest.webmanifest", "application/manifest+json"),
])
def test_app_files_have_their_mime_type_and_are_revalidated(client, path, mimetype):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.headers["Cache-Control"] == "no-cache"  # sw.js above all: updates must reach the browser


@pytest.mark.parametrize("path", ["/", "/sw.js", "/api/v1/content"])
def test_strict_security_headers(client, path):
    headers = client.get(path).headers
    policy = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    for name in ("Referrer-Policy", "Permissions-Policy"):
        assert headers[name] == security_headers(read_csp_hashes())[name]


def test_chromium_finds_the_app_installable(installed_phone):
    phone = installed_phone
    phone.open()
    phone.wait_until_offline_ready()
    session = phone.context.new_cdp_session(phone.page)
    manifest = session.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    registration = phone.page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert registration == phone.base_url


def test_answers_never_leave_the_phone_and_nothing_comes_from_elsewhere(phone, content):
    requests = []
    phone.page.on("request", lambda request: requests.append(request))
    phone.open()
    phone.page.get_by_role("button", name=re.compile("^Start")).click()
    phone.answer_all(content, {"warning_signs": ["weakness"], "sleep": "under_5h", "medications": ["diuretics"]})
    phone.page.get_by_role("link", name="Read the guide").click()
    expect(phone.heading()).to_have_text("Guide")
    assert requests
    for request in requests:
        assert request.url.startswith(phone.base_url), f"third-party request: {request.url}"
        assert request.method == "GET", f"{request.method} {request.url}"
        assert "assessments" not in request.url
        assert "weakness" not in request.url and "under_5h" not in request.url
