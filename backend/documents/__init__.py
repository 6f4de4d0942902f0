"""Rendering of the documents the product hands out (minutes, certificates, later evaluation
sheets): the CJK fonts, paragraph styles, escaped paragraphs and ruled tables for PDF, and the
Chinese base style for Word, so that every document looks like it came from the same office."""
