"""What an invalid layer raises: every problem at once, each with its path (contract section 5)."""

from __future__ import annotations

from copenhagen.documents.errors import ProblemsError

__all__ = ["LAYER_PATH", "InvalidLayerError"]

#: The path given to a problem with the layer as a whole (its file, its applying).
LAYER_PATH = "(layer)"


class InvalidLayerError(ProblemsError):
    """A layer that cannot be read or applied, with every problem it has.

    Attributes:
        errors: ``(path, message)`` pairs, one per problem, e.g.
            ``("modality.add[0].when.has.initiated_by[1]", "line 9, rule UG1: ...")``. Paths are
            written as `copenhagen.InvalidInitiativeError` writes them; ``(layer)`` stands for
            the layer as a whole. For a layer read from a file, each message names its line.
        source: The file the layer came from, or the layer's id when it was being applied.
    """

    what = "rule layer"
