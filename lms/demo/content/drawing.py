"""Small drawing helpers for the demo images (Pillow only, its bundled font: nothing is downloaded)."""

import math

from PIL import Image, ImageDraw, ImageFont

INK = "#1f2937"
W, H = 960, 540


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def canvas(title: str | None = None, background: str = "white") -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (W, H), background)
    draw = ImageDraw.Draw(image)
    if title:
        draw.text((40, 26), title, font=font(30), fill=INK)
    return image, draw


def draw_text(draw, xy, text, size=20, fill=INK, anchor="la"):
    align = {"l": "left", "r": "right"}.get(anchor[0], "center")
    draw.multiline_text(xy, text, font=font(size), fill=fill, anchor=anchor, align=align, spacing=6)


def box(draw, xy, text, fill, outline=INK, size=20, colour=INK):
    draw.rounded_rectangle(xy, radius=14, fill=fill, outline=outline, width=3)
    draw_text(draw, ((xy[0] + xy[2]) / 2, (xy[1] + xy[3]) / 2), text, size, colour, "mm")


def arrow(draw, start, end, fill=INK, width=4, head=16):
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    base = (end[0] - head * 0.8 * math.cos(angle), end[1] - head * 0.8 * math.sin(angle))
    draw.line([start, base], fill=fill, width=width)
    left = (end[0] - head * math.cos(angle - 0.45), end[1] - head * math.sin(angle - 0.45))
    right = (end[0] - head * math.cos(angle + 0.45), end[1] - head * math.sin(angle + 0.45))
    draw.polygon([end, left, right], fill=fill)
