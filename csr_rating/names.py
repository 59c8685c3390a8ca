"""Names the command line offers before anything is loaded: the default standard and the input
formats `csr-rating schema` prints. Here, not beside their code, so that defining the commands
imports neither the criteria loader nor the models."""

from __future__ import annotations

DEFAULT_STANDARD = "cass-csr-4.0"
SCHEMA_NAMES = ("report", "standard", "criteria", "catalog", "rated", "config")
