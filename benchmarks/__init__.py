"""Performance measurements: ``make bench``."""
