"""Platform icon files made from the app's PNG, without Pillow.

Windows .ico and macOS .icns both accept PNG data as it is (ICO since Vista, ICNS types ic07..ic10),
so a 256x256 PNG only needs the right container around it. build.spec uses these when
resources/icons/ holds no ready-made .ico/.icns.
"""
from __future__ import annotations

import struct
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# ICNS element types holding PNG data, by pixel size.
ICNS_TYPES = {128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10", 32: b"ic11", 64: b"ic12"}


def png_size(data: bytes) -> tuple[int, int]:
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", data[16:24])


def png_to_ico(png: bytes) -> bytes:
    """A one-image .ico whose image is the PNG itself (sizes up to 256x256)."""
    width, height = png_size(png)
    if width > 256 or height > 256:
        raise ValueError(f"an .ico image is at most 256x256, not {width}x{height}")
    header = struct.pack("<HHH", 0, 1, 1)  # reserved, type 1 = icon, one image
    entry = struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def png_to_icns(png: bytes) -> bytes:
    """A one-image .icns whose image is the PNG itself (square, 32..1024 px)."""
    width, height = png_size(png)
    if width != height or width not in ICNS_TYPES:
        raise ValueError(f"an .icns PNG image must be square, one of {sorted(ICNS_TYPES)} px, not {width}x{height}")
    element = ICNS_TYPES[width] + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(element)) + element


def platform_icon(icons_dir: Path, platform: str, out_dir: Path) -> Path | None:
    """The icon file for the executable on `platform` (sys.platform), or None where it has none.

    Linux executables carry no icon (the .desktop entry names it); Windows wants .ico, macOS .icns.
    """
    wanted = {"win32": ".ico", "darwin": ".icns"}.get(platform)
    if not wanted or not icons_dir.is_dir():
        return None
    ready = sorted(icons_dir.glob(f"*{wanted}"))
    if ready:
        return ready[0]
    pngs = sorted(icons_dir.glob("*.png"), key=lambda p: p.stat().st_size, reverse=True)
    for png in pngs:
        try:
            data = (png_to_ico if wanted == ".ico" else png_to_icns)(png.read_bytes())
        except ValueError:
            continue
        out_dir.mkdir(parents=True, exist_ok=True)
        out = out_dir / f"{png.stem}{wanted}"
        out.write_bytes(data)
        return out
    return None
