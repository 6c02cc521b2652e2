"""Meanings every layer shares, below extract, resolve, store and web: what a date value covers
(``dates``). Modules here import nothing else from casefile."""
