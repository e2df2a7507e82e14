"""Assessor: a workbench for assessing compliance with the Lanzarote Committee's recommendations."""

__version__ = "0.1.0"
