"""The wire format: parsing text, the fast decoder, validation, writing, the schema, documents."""
