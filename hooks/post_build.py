"""MkDocs glue: the guide's post-build step (``guide.publish``) after every build.

The markers are a Markdown extension (``guide.markers``) and everything else happens
over the built folder, so another generator runs the same step by its command.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from guide.publish import publish
from guide.site import PublishError, Site

SERVING = {"now": False}


def on_startup(command: str, dirty: bool) -> None:
    SERVING["now"] = command == "serve" or os.environ.get("GUIDE_SERVING") == "1"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Pages being served while they are edited load no service worker (overrides/)."""
    config.extra["serving"] = SERVING["now"]
    return config


def on_post_build(config: MkDocsConfig) -> None:
    settings = {
        "site_name": config.site_name,
        "site_description": config.site_description,
        "site_url": config.site_url,
        "use_directory_urls": config.use_directory_urls,
        "theme": {"language": config.theme["language"]},
        "extra": config.extra,
    }
    project = Path(config.config_file_path).parent
    site = Site.from_settings(settings, Path(config.site_dir), project, serving=SERVING["now"])
    try:
        publish(site)
    except PublishError as problem:
        raise PluginError(str(problem)) from problem
