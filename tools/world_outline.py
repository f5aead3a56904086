#!/usr/bin/env python3
"""Turn a TopoJSON world (Natural Earth 1:110m, as the `world-atlas` npm package ships it)
into the dashboard's bundled outline: one SVG path per country in an equirectangular
projection, x = longitude + 180 and y = 90 - latitude, so the page can place an event at
(lon + 180, 90 - lat) without any projection code.

    npm install world-atlas@2
    python3 tools/world_outline.py node_modules/world-atlas/countries-110m.json \
        > crates/dyad-server/assets/world.svg

Natural Earth data is in the public domain; the outline is regenerated, not edited by hand.
"""
import json
import sys
from html import escape


def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        # Consecutive arcs share their joining point.
        points.extend(arc if not points else arc[1:])
    return points


def path_data(rings):
    out = []
    for ring in rings:
        prev = None
        cmds = []
        xs = [lon + 180 for lon, _ in ring]
        # A ring across the antimeridian (Fiji, Chukotka) is drawn whole past the right
        # edge, where the viewBox clips it, instead of as a stripe across the map.
        wraps = xs and max(xs) - min(xs) > 180
        for lon, lat in ring:
            x = lon + 180
            if wraps and x < 180:
                x += 360
            p = (round(x, 1), round(90 - lat, 1))
            if p != prev:
                cmds.append(f"{p[0]:g},{p[1]:g}")
                prev = p
        if len(cmds) >= 3:
            out.append("M" + "L".join(cmds) + "Z")
    return "".join(out)


def main():
    topo = json.load(open(sys.argv[1]))
    arcs = decode_arcs(topo)
    print('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 180">')
    print("<!-- Natural Earth 1:110m countries (public domain), via tools/world_outline.py -->")
    for geom in topo["objects"]["countries"]["geometries"]:
        if geom["type"] == "Polygon":
            polygons = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polygons = geom["arcs"]
        else:
            continue
        rings = [ring_points(r, arcs) for poly in polygons for r in poly]
        name = escape(geom.get("properties", {}).get("name", ""), quote=True)
        ident = geom.get("id", "")
        print(f'<path data-id="{ident}" data-name="{name}" d="{path_data(rings)}"/>')
    print("</svg>")


if __name__ == "__main__":
    main()
