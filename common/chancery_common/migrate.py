"""``python -m chancery_common.migrate SERVICE_DIR``: create the service's database if
needed and apply its migrations. The URL comes from ``DATABASE_URL``; containers run this
as their pre-start step."""
import argparse
import os
import sys

from .migrations import ensure_database, upgrade


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("service_dir", help="the service's folder, holding migrations/")
    parser.add_argument("--url", default=os.environ.get("DATABASE_URL"),
                        help="database URL (default: $DATABASE_URL)")
    args = parser.parse_args(argv)
    if not args.url:
        parser.error("no database URL: set DATABASE_URL or pass --url")
    ensure_database(args.url)
    upgrade(args.service_dir, args.url)
    print(f"migrated {args.service_dir}")


if __name__ == "__main__":
    sys.exit(main())
