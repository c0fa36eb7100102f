"""SQL models: discovered under sql/, ordered by the tables they read, run in DuckDB."""

from pipelines.models.runner import ModelError, discover, order, run, run_models

__all__ = ["ModelError", "discover", "order", "run", "run_models"]
