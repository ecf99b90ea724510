# Assess answers: POST them as JSON, with Content-Type: application/json (anything else gets 415).
curl -sS "$BASE/api/v1/assessments" -H 'Content-Type: application/json' \
  -d '{"answers": {"warning_signs": ["none"], "other_signs": ["none"], "areas": ["eyelid"], "sleep": "under_5h"}}'

# Keep the content with its ETag, and send it back: 304, with no body, while nothing has changed.
etag=$(curl -sS -o content.json -D - "$BASE/api/v1/content" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
curl -sS -o /dev/null -w '%{http_code}\n' "$BASE/api/v1/content" -H "If-None-Match: $etag"
