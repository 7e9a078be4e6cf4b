"""Render stage: the resolved data set -> the text of every generated file. Pure."""
