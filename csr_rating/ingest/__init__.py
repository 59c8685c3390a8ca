"""Ingest: turn a draft report (text, Markdown, PDF, Word; English or Chinese) into the structured
report YAML that ``score`` reads, with where every item came from and ``# review:`` notes where the
extraction was unsure."""
