"""The library's version, kept static so that stored results can name what produced them."""

__version__ = "0.1.0"
