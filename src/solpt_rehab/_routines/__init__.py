"""Routines: the dose rules, the routine's values, the builder, and the timing of a session."""
