"""What a patient did: session logs, and what they say about a routine (adherence).

This package imports the model and the routines and is never imported by them: a routine knows
nothing of its logs.
"""
