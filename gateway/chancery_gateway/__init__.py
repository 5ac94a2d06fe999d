"""Chancery's API gateway and staff web UI."""
