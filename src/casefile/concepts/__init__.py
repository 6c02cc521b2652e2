"""Meanings every layer shares, below extract, resolve, store and web: what a date value covers
(``dates``); the word lists that name places and peoples, numbers, entity types and the parts of
a person's name (``places``, ``numbers``, ``entity_types``, ``person_names``); the key of a
people or party (``groups``). Modules here import nothing else from casefile; each layer imports
them directly and copies no table."""
