"""Pure domain logic for runstrong: no Textual, no SQL (see README, "Architecture")."""
