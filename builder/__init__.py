"""Builds a versioned Hugging Face dataset of news articles from raw pages."""

__version__ = "0.1.0"
