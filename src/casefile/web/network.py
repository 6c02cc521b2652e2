"""The dossier's network: the entity in the middle, co-mentioned people and groups around it."""
from __future__ import annotations

import math
from urllib.parse import quote

from markupsafe import Markup, escape

SIZE = 420
RADIUS = 150
NODE_R = 7


def svg(name: str, neighbours: list[dict]) -> Markup:
    """Edges get thicker with the number of sentences shared; each node links to its dossier."""
    if not neighbours:
        return Markup('<p class="empty">No co-mentioned entities.</p>')
    c = SIZE / 2
    top = max(n["weight"] for n in neighbours)
    edges, nodes = [], []
    for i, n in enumerate(neighbours):
        angle = 2 * math.pi * i / len(neighbours) - math.pi / 2
        x, y = c + RADIUS * math.cos(angle), c + RADIUS * math.sin(angle)
        width = 1 + 4 * n["weight"] / top
        anchor = "start" if math.cos(angle) >= 0 else "end"
        dx = 10 if anchor == "start" else -10
        edges.append(f'<line class="edge" x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" stroke-width="{width:.1f}"/>')
        nodes.append(f'<a href="/entities/{escape(quote(n["ref"], safe=""))}"><circle class="node node-{escape(n["type"])}" '
                     f'cx="{x:.1f}" cy="{y:.1f}" r="{NODE_R}"><title>{escape(n["name"])} ({n["weight"]} shared '
                     f'sentence(s))</title></circle><text class="node-label" x="{x + dx:.1f}" y="{y + 4:.1f}" '
                     f'text-anchor="{anchor}">{escape(n["name"][:28])}</text></a>')
    centre = (f'<circle class="node centre" cx="{c}" cy="{c}" r="{NODE_R + 4}"/>'
              f'<text class="node-label centre" x="{c}" y="{c - 16}" text-anchor="middle">{escape(name[:30])}</text>')
    return Markup(f'<svg class="network" role="img" aria-label="Co-mentioned entities" viewBox="-140 0 {SIZE + 280} '
                  f'{SIZE}" width="{SIZE + 280}" height="{SIZE}" xmlns="http://www.w3.org/2000/svg">'
                  + "".join(edges) + centre + "".join(nodes) + "</svg>")
