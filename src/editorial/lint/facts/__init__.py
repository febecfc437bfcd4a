"""Figures, dates and citations: what the F and C rules read."""
