"""The core every other part stands on: the errors, the problems, and the registry of codes."""
