"""Packaged training data: the exercise catalog and programs as TOML (read by runstrong.core.catalog)."""
