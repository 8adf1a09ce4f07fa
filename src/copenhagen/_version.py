"""The library's version, kept static so that stored results can name what produced them."""

__all__ = ["DISTRIBUTION", "__version__"]

__version__ = "0.1.0"

#: The name to install the library by. The import name stays ``copenhagen``, but on the package
#: index that name belongs to an unrelated project (a vector index that also imports as
#: ``copenhagen``), so the distribution has a name of its own.
DISTRIBUTION = "copenhagen-citizen-data"
