"""csr-rating: rate a CSR report the way the CASS-CSR 4.0 rating does, from YAML criteria.

An independent, open encoding of the method — not the Chinese Expert Committee's official tool.
"""

from csr_rating.api import json_schema, rate
from csr_rating.engine import score
from csr_rating.errors import InputError
from csr_rating.loading import load_criteria, load_report

__version__ = "0.1.0"
__all__ = ["InputError", "json_schema", "load_criteria", "load_report", "rate", "score"]
