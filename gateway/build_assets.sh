#!/usr/bin/env bash
# Installs the browser assets from the npm registry: htmx, pdf.js, Swagger UI (versions pinned in package-lock.json)
# and copies the files the gateway serves into chancery_gateway/static/vendor/.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --omit=optional --loglevel=error
vendor=chancery_gateway/static/vendor
rm -rf "$vendor"
mkdir -p "$vendor/swagger-ui" "$vendor/pdfjs"
cp node_modules/htmx.org/dist/htmx.min.js "$vendor/"
# pdf.js for the file viewer beside the document card: the library, its worker (a module from
# 'self', as the Content-Security-Policy wants), and the data for PDFs that do not embed their fonts
cp node_modules/pdfjs-dist/build/pdf.min.mjs node_modules/pdfjs-dist/build/pdf.worker.min.mjs "$vendor/pdfjs/"
cp -r node_modules/pdfjs-dist/cmaps node_modules/pdfjs-dist/standard_fonts "$vendor/pdfjs/"
for f in swagger-ui-bundle.js swagger-ui-standalone-preset.js swagger-ui.css; do
  cp "node_modules/swagger-ui-dist/$f" "$vendor/swagger-ui/"
done
echo "assets in gateway/$vendor"
