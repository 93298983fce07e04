"""The version of solpt_rehab."""

__version__ = "0.1.0"
