// The CloudFront function of the /api/* behaviour (cloudfront-js-2.0), so that the CDN answers like the API.
// Viewer request: map the URL to its file in the static copy, as api/static_site.py's object_key does, in the
// language the API would pick. Viewer response: say that language (Content-Language, Vary), as api/language.py does.
// infra/site.yaml holds a copy of this file (FunctionCode); tests/test_infra.py keeps the two the same.

// The content's languages, the default first (tests/test_infra.py checks them against content/).
var LANGUAGES = ["en", "es"];
// API paths whose answer depends on the language (all but the document), and the docs page, which holds the
// content's words in its own English prose.
var IN_A_LANGUAGE = /^\/api\/v1\/(?!openapi\.json$)/;
var DOCS = /^\/api\/docs\/?$/;

function queryValue(request, name) {
  var item = request.querystring[name];
  if (!item) {
    return undefined;
  }
  return item.multiValue ? item.multiValue[0].value : item.value;
}

// The languages Accept-Language names, most wanted first (equal weights keep their order); q=0 means "not this".
function acceptedLanguages(header) {
  var ranges = [];
  header.split(",").forEach(function (part, position) {
    var pieces = part.trim().split(";");
    var quality = 1;
    for (var i = 1; i < pieces.length; i++) {
      var parameter = pieces[i].trim().split("=");
      if (parameter[0].trim().toLowerCase() === "q") {
        quality = parseFloat(parameter[1]);
      }
    }
    if (pieces[0] && !(quality <= 0) && !isNaN(quality)) {
      ranges.push({ tag: pieces[0].trim().toLowerCase(), quality: quality, position: position });
    }
  });
  ranges.sort(function (a, b) {
    return b.quality - a.quality || a.position - b.position;
  });
  return ranges.map(function (range) {
    return range.tag.split("-")[0];
  });
}

// `?lang=` when given (even an unknown one: it finds no file, the API's 404 problem), else the first language
// Accept-Language names that the content has ("es-MX" is "es"), else the default.
function language(request) {
  var asked = queryValue(request, "lang");
  if (asked !== undefined) {
    return asked;
  }
  var header = request.headers["accept-language"];
  var wanted = header ? acceptedLanguages(header.value) : [];
  for (var i = 0; i < wanted.length; i++) {
    if (LANGUAGES.indexOf(wanted[i]) >= 0) {
      return wanted[i];
    }
  }
  return LANGUAGES[0];
}

function objectKey(request, lang) {
  var uri = request.uri;
  var trigger = queryValue(request, "trigger");
  if (uri === "/api/v1/tips" && trigger !== undefined) {
    uri = "/api/v1/tips/_trigger/" + (/^[a-z0-9_]+$/.test(trigger) ? trigger : "_unknown");
  } else if (uri === "/api/v1/content" || uri === "/api/v1/triggers" || uri === "/api/v1/tips" ||
             uri === "/api/v1/conditions") {
    uri = uri + "/_index";
  } else if (DOCS.test(uri)) {
    uri = "/api/docs/index.html";
  }
  // Another language's files are under /_lang/<id>/ (an unknown one finds no file).
  if (lang !== LANGUAGES[0] && (IN_A_LANGUAGE.test(uri) || uri === "/api/docs/index.html")) {
    uri = "/_lang/" + (/^[a-z]{2,3}$/.test(lang) ? lang : "_unknown") + uri;
  }
  return uri;
}

function handler(event) {
  var request = event.request;
  if (event.context.eventType === "viewer-response") {
    // event.request is the viewer's own request here, so the language comes out as it did for the file.
    var response = event.response;
    var status = response.statusCode;
    var docs = DOCS.test(request.uri);
    if ((docs || IN_A_LANGUAGE.test(request.uri)) && (status === 200 || status === 304)) {
      response.headers["content-language"] = { value: docs ? LANGUAGES[0] : language(request) };
      response.headers["vary"] = { value: "Accept-Language, Accept-Encoding" };
    }
    return response;
  }
  request.uri = objectKey(request, language(request));
  return request;
}
