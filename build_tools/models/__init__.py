"""Typed, immutable models of the editors' files: one module per kind of file."""
