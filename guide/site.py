"""What the post-build step needs to know about a built site, from any generator.

``Site.from_config`` reads it from the ``mkdocs.yml`` a generator built with (MkDocs
and Zensical read the same file), resolving ``!ENV`` and ``INHERIT`` as they do; the
MkDocs hook passes its own loaded configuration instead.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guide import pages


class PublishError(Exception):
    """The built site cannot be published as it is; the message says why."""


@dataclass(frozen=True)
class Site:
    folder: Path
    """The built site (one language's)."""
    project: Path
    """The checkout: node_modules, the calculators package, the path no file may hold."""
    lang: str = "en"
    name: str = ""
    description: str = ""
    site_url: str = ""
    offline: bool = False
    """Opened from disk (mkdocs-offline.yml): no worker, no service worker, no policy."""
    language_root: str = ""
    """From this language's site to the English one that holds the engine: "" or "../"."""
    directory_urls: bool = True
    serving: bool = False
    """Built to be served while it is edited (``make serve``): no service worker, and a
    policy that lets the live-reload script run."""

    @property
    def shares_engine(self) -> bool:
        return bool(self.language_root)

    @property
    def root(self) -> Path:
        """The English site's folder, which holds the engine and the service worker."""
        return (self.folder / self.language_root).resolve() if self.language_root else self.folder

    @classmethod
    def from_settings(
        cls, settings: Mapping[str, Any], folder: Path, project: Path, serving: bool = False
    ) -> Site:
        extra = settings.get("extra") or {}
        theme = settings.get("theme") or {}
        return cls(
            folder=folder.resolve(),
            project=project.resolve(),
            lang=pages.page_language(str(theme.get("language", "en"))),
            name=str(settings.get("site_name") or ""),
            description=str(settings.get("site_description") or ""),
            site_url=str(settings.get("site_url") or ""),
            offline=pages.is_offline(extra),
            language_root=str(extra.get("language_root", "")),
            directory_urls=bool(settings.get("use_directory_urls", True)),
            serving=serving or os.environ.get("GUIDE_SERVING") == "1",
        )

    @classmethod
    def from_config(cls, config_file: Path, folder: Path) -> Site:
        return cls.from_settings(read_config(config_file), folder, config_file.resolve().parent)


class _Loader(yaml.SafeLoader):
    """YAML as MkDocs reads its configuration: ``!ENV`` takes a variable or a default."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    names = (
        [loader.construct_scalar(node)]
        if isinstance(node, yaml.ScalarNode)
        else loader.construct_sequence(node)  # type: ignore[arg-type]
    )
    *variables, default = names if len(names) > 1 else (*names, None)
    for variable in variables:
        if str(variable) in os.environ:
            return yaml.safe_load(os.environ[str(variable)])
    return default


_Loader.add_constructor("!ENV", _env)


def read_config(path: Path) -> dict[str, Any]:
    """A configuration file with what it inherits merged in (mappings merged, the rest
    replaced), as MkDocs' ``INHERIT`` does."""
    try:
        settings = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506
    except (OSError, yaml.YAMLError) as problem:
        raise PublishError(f"cannot read {path}: {problem}") from problem
    parent = settings.pop("INHERIT", None)
    if parent:
        return _merged(read_config((path.parent / str(parent)).resolve()), settings)
    return settings


def _merged(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merged(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged
