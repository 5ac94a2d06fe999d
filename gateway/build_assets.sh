#!/usr/bin/env bash
# Installs the browser assets from the npm registry (versions pinned in package-lock.json)
# and copies the files the gateway serves into chancery_gateway/static/vendor/.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
vendor=chancery_gateway/static/vendor
rm -rf "$vendor"
mkdir -p "$vendor/swagger-ui"
cp node_modules/htmx.org/dist/htmx.min.js "$vendor/"
for f in swagger-ui-bundle.js swagger-ui-standalone-preset.js swagger-ui.css; do
  cp "node_modules/swagger-ui-dist/$f" "$vendor/swagger-ui/"
done
echo "assets in gateway/$vendor"
