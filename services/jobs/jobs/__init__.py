"""The jobs service: long operations (imports, exports, the personal-data export) run in the
background with progress, their result files kept in S3 until they expire."""
