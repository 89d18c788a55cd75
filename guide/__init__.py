"""The guide's site, built around the calculators: the [[markers]] and word tables of its
pages, its message templates, its translation catalogs and the corpus of everything
readers see. Build-time only: ``calculators`` holds what runs in the browser and on the
command line, and never imports this package."""
