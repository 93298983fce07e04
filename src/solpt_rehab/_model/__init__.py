"""The model: the declaration of every field and rule, and the value types built from it."""
