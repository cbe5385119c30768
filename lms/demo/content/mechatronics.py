"""Demo track "Mekatronika dan Otomasi Industri": PLC basics, ladder logic, timers, counters and sensor wiring."""

import math

from PIL import Image, ImageDraw, ImageFont

from lms.demo.content import interactive
from lms.demo.content.blocks import callout, code, html, image, quick_check, table, text

# --------------------------------------------------------------------------------------------------------------------
# Drawing helpers (images are drawn locally with Pillow; the bundled font has no en dash, arrows or Greek letters)
# --------------------------------------------------------------------------------------------------------------------

W, H = 960, 540
ACCENT = "#1f5f99"
BG = "#f8fafc"
INK = "#1f2430"
MUTED = "#5b6472"
LIVE = "#1b8a3a"  # energised path / logic 1
RED = "#c0392b"
PANEL = "#3b4250"
BROWN = "#8b4a1c"
BLUE = "#1e5bd8"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _canvas(title: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (W, H), BG)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, W, 54), fill=ACCENT)
    draw.text((24, 27), title, font=_font(25), fill="white", anchor="lm")
    return image, draw


def _text(draw, xy, text, size=16, fill=INK, anchor="la"):
    align = {"l": "left", "m": "center", "r": "right"}[anchor[0]]
    draw.multiline_text(xy, text, font=_font(size), fill=fill, anchor=anchor, spacing=4, align=align)


def _arrow(draw, start, end, fill=INK, width=3, head=12):
    draw.line([start, end], fill=fill, width=width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    points = [end]
    for side in (-0.45, 0.45):
        points.append((end[0] - head * math.cos(angle + side), end[1] - head * math.sin(angle + side)))
    draw.polygon(points, fill=fill)


def _box(draw, box, text, fill="white", outline=INK, size=16, text_fill=INK, width=2):
    draw.rounded_rectangle(box, radius=8, fill=fill, outline=outline, width=width)
    _text(draw, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), text, size, text_fill, anchor="mm")


def _contact(draw, x, y, label="", nc=False, colour=INK, span=40):
    """Ladder contact centred at (x, y); leads reach x +/- span."""
    draw.line([(x - span, y), (x - 10, y)], fill=colour, width=3)
    draw.line([(x + 10, y), (x + span, y)], fill=colour, width=3)
    draw.line([(x - 10, y - 18), (x - 10, y + 18)], fill=colour, width=3)
    draw.line([(x + 10, y - 18), (x + 10, y + 18)], fill=colour, width=3)
    if nc:
        draw.line([(x - 16, y + 18), (x + 16, y - 18)], fill=colour, width=3)
    if label:
        _text(draw, (x, y - 24), label, 15, anchor="md")


def _coil(draw, x, y, label="", colour=INK, span=40):
    draw.line([(x - span, y), (x - 16, y)], fill=colour, width=3)
    draw.line([(x + 16, y), (x + span, y)], fill=colour, width=3)
    draw.arc((x - 24, y - 18, x - 8, y + 18), 90, 270, fill=colour, width=3)
    draw.arc((x + 8, y - 18, x + 24, y + 18), 270, 90, fill=colour, width=3)
    if label:
        _text(draw, (x, y - 24), label, 15, anchor="md")


def _rails(draw, top, bottom, left=60, right=900):
    draw.line([(left, top), (left, bottom)], fill=INK, width=5)
    draw.line([(right, top), (right, bottom)], fill=INK, width=5)


def _plc(draw, box, inputs=8, outputs=6):
    """A compact PLC: terminal strips top and bottom, status LEDs, a label."""
    x0, y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=10, fill="#d9dee5", outline=INK, width=2)
    draw.rectangle((x0 + 10, y0 + 8, x1 - 10, y0 + 28), fill=PANEL)
    draw.rectangle((x0 + 10, y1 - 28, x1 - 10, y1 - 8), fill=PANEL)
    for i in range(inputs):
        cx = x0 + 30 + i * (x1 - x0 - 60) / max(inputs - 1, 1)
        draw.ellipse((cx - 4, y0 + 14, cx + 4, y0 + 22), fill="#c8ccd2")
        draw.ellipse((cx - 5, y0 + 40, cx + 5, y0 + 50), fill=LIVE if i in (0, 2) else "#9aa3ad")
    for i in range(outputs):
        cx = x0 + 30 + i * (x1 - x0 - 60) / max(outputs - 1, 1)
        draw.ellipse((cx - 4, y1 - 22, cx + 4, y1 - 14), fill="#c8ccd2")
        draw.ellipse((cx - 5, y1 - 50, cx + 5, y1 - 40), fill="#f0a500" if i == 0 else "#9aa3ad")


def _cover(title: str, subtitle: str) -> Image.Image:
    image = Image.new("RGB", (W, H), ACCENT)
    draw = ImageDraw.Draw(image)
    draw.rectangle((560, 0, W, H), fill="#2d74b5")
    _plc(draw, (610, 70, 910, 250))
    _text(draw, (760, 160), "PLC", 30, fill=INK, anchor="mm")
    draw.line([(610, 320), (610, 480)], fill="white", width=5)
    draw.line([(910, 320), (910, 480)], fill="white", width=5)
    _contact(draw, 680, 360, nc=False, colour="white", span=70)
    _contact(draw, 770, 360, nc=True, colour="white", span=20)
    _coil(draw, 850, 360, colour="white", span=60)
    _contact(draw, 680, 440, colour="white", span=70)
    draw.line([(750, 440), (750, 360)], fill="white", width=3)
    draw.multiline_text((48, 150), title, font=_font(44), fill="white", spacing=10)
    draw.multiline_text((48, 330), subtitle, font=_font(22), fill="#dbe9f7", spacing=8)
    draw.text((48, 480), "Smart Training Center Batang", font=_font(18), fill="#dbe9f7")
    return image


# --------------------------------------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------------------------------------


def draw_track_cover() -> Image.Image:
    return _cover("Mekatronika dan\nOtomasi Industri", "Sensor, PLC, dan aktuator\nuntuk lini produksi modern")


def draw_course_cover() -> Image.Image:
    return _cover("Dasar PLC dan\nPemrograman Ladder", "Kontak, coil, pengunci, timer,\ncounter, dan sensor 24 VDC")


def draw_plc_overview() -> Image.Image:
    image, draw = _canvas("PLC: input, program, output, dan siklus scan")
    _text(draw, (130, 66), "INPUT", 18, fill=ACCENT, anchor="ma")
    _text(draw, (830, 66), "OUTPUT", 18, fill=ACCENT, anchor="ma")
    inputs = ["Tombol START (NO)", "Tombol STOP (NC)", "Sensor proximity", "Limit switch"]
    outputs = ["Kontaktor motor", "Lampu indikator", "Katup solenoid", "Buzzer / sirene"]
    for i, (left, right) in enumerate(zip(inputs, outputs, strict=True)):
        y = 96 + i * 64
        _box(draw, (30, y, 230, y + 46), left, size=15)
        _arrow(draw, (230, y + 23), (318, y + 23), fill=LIVE)
        _box(draw, (730, y, 930, y + 46), right, size=15)
        _arrow(draw, (642, y + 23), (730, y + 23), fill="#d97706")
    draw.rounded_rectangle((320, 84, 640, 360), radius=12, fill="#e6ebf1", outline=INK, width=2)
    _box(draw, (332, 96, 400, 348), "Modul\ninput", fill="#d4ecd9", size=14)
    _box(draw, (560, 96, 628, 348), "Modul\noutput", fill="#fde7c7", size=14)
    _box(draw, (412, 96, 548, 150), "Catu daya\n24 VDC", fill="white", size=14)
    _box(draw, (412, 162, 548, 348), "CPU\n\nmenjalankan\nprogram\nladder", fill=ACCENT, size=15, text_fill="white")
    steps = [(150, "1  Baca semua input"), (390, "2  Jalankan program"), (630, "3  Tulis semua output")]
    for x, label in steps:
        _box(draw, (x, 400, x + 200, 452), label, fill="white", outline=ACCENT, size=16, width=3)
    _arrow(draw, (350, 426), (390, 426), fill=ACCENT)
    _arrow(draw, (590, 426), (630, 426), fill=ACCENT)
    draw.line([(730, 452), (730, 490), (250, 490)], fill=ACCENT, width=3)
    _arrow(draw, (250, 490), (250, 452), fill=ACCENT)
    _text(draw, (490, 498), "Siklus scan berulang terus, biasanya beberapa milidetik per siklus", 15, MUTED, "ma")
    return image


def draw_ladder_symbols() -> Image.Image:
    image, draw = _canvas("Simbol dasar diagram ladder")
    cards = [
        (40, "Kontak NO", "Tersambung jika\nbit = 1", "no"),
        (340, "Kontak NC", "Tersambung jika\nbit = 0", "nc"),
        (640, "Coil (output)", "Bernilai 1 jika\nrung tersambung", "coil"),
    ]
    for x, title, rule, kind in cards:
        draw.rounded_rectangle((x, 74, x + 280, 254), radius=10, fill="white", outline=MUTED, width=2)
        _text(draw, (x + 140, 86), title, 19, fill=ACCENT, anchor="ma")
        if kind == "coil":
            _coil(draw, x + 140, 150, span=60)
        else:
            _contact(draw, x + 140, 150, nc=kind == "nc", span=60)
        _text(draw, (x + 140, 196), rule, 16, anchor="ma")
    _text(draw, (60, 272), "Seri = DAN (AND)", 18, fill=ACCENT)
    _rails(draw, 300, 380, 60, 440)
    _contact(draw, 140, 340, "S1")
    _contact(draw, 240, 340, "S2")
    _coil(draw, 380, 340, "LAMPU")
    draw.line([(60, 340), (100, 340)], fill=INK, width=3)
    draw.line([(180, 340), (200, 340)], fill=INK, width=3)
    draw.line([(280, 340), (340, 340)], fill=INK, width=3)
    draw.line([(420, 340), (440, 340)], fill=INK, width=3)
    _text(draw, (250, 400), "LAMPU = 1 hanya jika S1 = 1 DAN S2 = 1", 15, MUTED, "ma")
    _text(draw, (520, 272), "Paralel = ATAU (OR)", 18, fill=ACCENT)
    _rails(draw, 300, 470, 520, 900)
    _contact(draw, 620, 340, "S1")
    _contact(draw, 620, 430, "S2")
    draw.line([(520, 340), (580, 340)], fill=INK, width=3)
    draw.line([(550, 340), (550, 430), (580, 430)], fill=INK, width=3)
    draw.line([(660, 340), (800, 340)], fill=INK, width=3)
    draw.line([(660, 430), (700, 430), (700, 340)], fill=INK, width=3)
    _coil(draw, 840, 340, "LAMPU2", span=40)
    draw.line([(880, 340), (900, 340)], fill=INK, width=3)
    _text(draw, (710, 484), "LAMPU2 = 1 jika S1 = 1 ATAU S2 = 1", 15, MUTED, "ma")
    return image


def _push_button(draw, x, y, nc=False, colour=INK):
    """IEC-style push-button contact between x-30 and x+30 on line y: NO blade open upward, NC blade closed."""
    draw.line([(x - 30, y), (x - 15, y)], fill=colour, width=2)
    draw.line([(x + 15, y), (x + 30, y)], fill=colour, width=2)
    if nc:
        draw.line([(x + 15, y), (x + 15, y + 9)], fill=colour, width=2)
        draw.line([(x - 15, y), (x + 20, y + 12)], fill=colour, width=3)
        mid = y + 6
    else:
        draw.line([(x - 15, y), (x + 14, y - 14)], fill=colour, width=3)
        mid = y - 7
    for py in range(int(mid) - 4, y - 24, -6):
        draw.line([(x, py), (x, py - 3)], fill=colour, width=2)
    draw.line([(x - 8, y - 24), (x + 8, y - 24)], fill=colour, width=3)
    draw.line([(x - 8, y - 24), (x - 8, y - 20)], fill=colour, width=3)
    draw.line([(x + 8, y - 24), (x + 8, y - 20)], fill=colour, width=3)


def draw_start_stop() -> Image.Image:
    image, draw = _canvas("Start/stop motor dengan kontak pengunci (seal-in)")
    _rails(draw, 80, 290, 50, 910)
    y, y2 = 160, 250
    draw.line([(50, y), (150, y)], fill=INK, width=3)
    _contact(draw, 190, y, "START\nI0.0")
    draw.line([(230, y), (370, y)], fill=INK, width=3)
    _contact(draw, 410, y, "STOP\nI0.1")
    draw.line([(450, y), (530, y)], fill=INK, width=3)
    _contact(draw, 570, y, "Overload\nI0.2")
    draw.line([(610, y), (740, y)], fill=INK, width=3)
    _coil(draw, 780, y, "MOTOR\nQ0.0")
    draw.line([(820, y), (910, y)], fill=INK, width=3)
    draw.line([(110, y), (110, y2), (150, y2)], fill=ACCENT, width=4)
    _contact(draw, 190, y2, colour=ACCENT)
    draw.line([(230, y2), (290, y2), (290, y)], fill=ACCENT, width=4)
    _text(draw, (190, y2 + 26), "Q0.0 (pengunci)", 15, fill=ACCENT, anchor="ma")
    _text(draw, (330, y2 - 14), "Jalur pengunci: tetap tersambung\nsetelah START dilepas", 15, ACCENT, "la")
    draw.rounded_rectangle((40, 320, 500, 526), radius=10, fill="white", outline=MUTED, width=2)
    _text(draw, (56, 332), "Pengawatan fisik ke input PLC (24 VDC)", 16, fill=ACCENT)
    rows = [
        (380, "START: tombol NO", False, "tekan = 1"),
        (430, "STOP: tombol NC", True, "tidak ditekan = 1"),
        (480, "Overload: kontak NC", True, "normal = 1"),
    ]
    draw.line([(70, 372), (70, 490)], fill=RED, width=3)
    _text(draw, (62, 500), "+24 V", 13, fill=RED)
    for ry, label, nc, note in rows:
        draw.line([(70, ry), (90, ry)], fill=RED, width=2)
        _push_button(draw, 120, ry, nc)
        draw.line([(150, ry), (176, ry)], fill=INK, width=2)
        _text(draw, (186, ry), f"{label}  ({note})", 15, anchor="lm")
    draw.rounded_rectangle((520, 320, 930, 526), radius=10, fill="#fdecea", outline=RED, width=3)
    _text(draw, (540, 334), "K3: tombol darurat (E-stop)", 18, fill=RED)
    _text(
        draw,
        (540, 370),
        "Dipasang hard-wired lewat relai keselamatan\nyang memutus suplai koil kontaktor secara\n"
        "langsung. PLC hanya membaca statusnya.\nSetelah E-stop dilepas, mesin tidak boleh\n"
        "jalan sendiri: harus tekan START lagi.",
        15,
    )
    return image


def draw_ton_timing() -> Image.Image:
    image, draw = _canvas("Timer TON (on-delay): diagram waktu, PT = 5 s")
    x0, scale = 150, 50  # x of t = 0 s, pixels per second

    def x(t):
        return x0 + t * scale

    lanes = {"IN": (130, 90), "ET": (300, 180), "Q": (420, 380)}
    for name, (low, high) in lanes.items():
        _text(draw, (60, (low + high) / 2), name, 20, fill=ACCENT, anchor="mm")
        draw.line([(x0, low), (x(15.4), low)], fill="#c5ccd6", width=1)
    draw.line(
        [(x(0), 130), (x(1), 130), (x(1), 90), (x(9), 90), (x(9), 130), (x(11), 130), (x(11), 90)], fill=INK, width=3
    )
    draw.line([(x(11), 90), (x(13), 90), (x(13), 130), (x(15), 130)], fill=INK, width=3)
    draw.line(
        [(x(0), 300), (x(1), 300), (x(6), 180), (x(9), 180), (x(9), 300), (x(11), 300), (x(13), 252)],
        fill=ACCENT,
        width=3,
    )
    draw.line([(x(13), 252), (x(13), 300), (x(15), 300)], fill=ACCENT, width=3)
    for px in range(int(x(0)), int(x(15)), 14):
        draw.line([(px, 180), (px + 7, 180)], fill=MUTED, width=1)
    _text(draw, (x(15.1), 180), "PT", 15, MUTED, "lm")
    draw.line([(x(0), 420), (x(6), 420), (x(6), 380), (x(9), 380), (x(9), 420), (x(15), 420)], fill=LIVE, width=3)
    for t in (1, 6, 9):
        for py in range(80, 440, 12):
            draw.line([(x(t), py), (x(t), py + 6)], fill="#9aa3ad", width=1)
    draw.line([(x(0), 460), (x(15), 460)], fill=INK, width=2)
    for t in range(16):
        draw.line([(x(t), 455), (x(t), 465)], fill=INK, width=2)
        if t % 2 == 1 or t == 0:
            _text(draw, (x(t), 470), f"{t}", 13, MUTED, "ma")
    _text(draw, (x(15.1), 460), "t (s)", 13, MUTED, "lm")
    _arrow(draw, (x(3.5), 350), (x(1), 350), fill=RED, width=2, head=9)
    _arrow(draw, (x(3.5), 350), (x(6), 350), fill=RED, width=2, head=9)
    _text(draw, (x(3.5), 344), "5 s", 15, RED, "md")
    _text(draw, (x(7.5), 370), "Q = 1", 15, LIVE, "md")
    _text(draw, (x(12), 330), "IN hanya 2 s:\nET kembali 0,\nQ tetap 0", 14, RED, "ma")
    _text(draw, (480, 500), "ET (elapsed time) naik selama IN = 1; Q menjadi 1 saat ET mencapai PT", 15, MUTED, "ma")
    return image


def draw_counter() -> Image.Image:
    image, draw = _canvas("Counter CTU: menghitung 12 kotak per karton")
    _rails(draw, 80, 500, 50, 910)
    draw.line([(50, 130), (120, 130)], fill=INK, width=3)
    _contact(draw, 160, 130, "Sensor_Kotak\nI0.3")
    draw.line([(200, 130), (380, 130)], fill=INK, width=3)
    draw.line([(50, 230), (120, 230)], fill=INK, width=3)
    _contact(draw, 160, 230, "RESET\nI0.4")
    draw.line([(200, 230), (380, 230)], fill=INK, width=3)
    draw.rectangle((380, 90, 560, 270), fill="white", outline=ACCENT, width=3)
    _text(draw, (470, 98), "CTU  C_Kotak", 16, ACCENT, "ma")
    for y, pin in ((130, "CU"), (230, "R"), (180, "PV = 12")):
        _text(draw, (390, y), pin, 15, anchor="lm")
    _text(draw, (550, 130), "Q", 15, anchor="rm")
    _text(draw, (550, 230), "CV", 15, anchor="rm")
    draw.line([(560, 130), (590, 130)], fill=INK, width=3)
    draw.line([(560, 230), (590, 230)], fill=INK, width=3)
    _text(draw, (596, 130), "Q = 1 jika CV >= PV", 14, MUTED, "lm")
    _text(draw, (596, 230), "CV = jumlah hitungan", 14, MUTED, "lm")
    draw.line([(50, 330), (120, 330)], fill=INK, width=3)
    _contact(draw, 160, 330, "C_Kotak.Q")
    draw.line([(200, 330), (740, 330)], fill=INK, width=3)
    _coil(draw, 780, 330, "LAMPU_PENUH\nQ0.1")
    draw.line([(820, 330), (910, 330)], fill=INK, width=3)
    draw.line([(50, 440), (120, 440)], fill=INK, width=3)
    _contact(draw, 160, 440, "Jalan\nM0.0")
    draw.line([(200, 440), (260, 440)], fill=INK, width=3)
    _contact(draw, 300, 440, "C_Kotak.Q", nc=True)
    draw.line([(340, 440), (740, 440)], fill=INK, width=3)
    _coil(draw, 780, 440, "KONVEYOR\nQ0.0")
    draw.line([(820, 440), (910, 440)], fill=INK, width=3)
    for y, note in (
        (300, "Rung 2: lampu menyala saat hitungan mencapai 12"),
        (410, "Rung 3: konveyor berhenti saat karton penuh"),
    ):
        _text(draw, (360, y), note, 14, MUTED, "lm")
    _text(
        draw,
        (596, 160),
        "Rung 1: tiap kotak lewat sensor (tepi naik)\nmenambah CV satu; RESET membuat CV = 0.",
        14,
        MUTED,
        "la",
    )
    return image


def _sensor_panel(draw, left, pnp):
    """One wiring example: 24 VDC rails, a 3-wire sensor and a PLC input with its common terminal."""
    top, bottom = 110, 470
    draw.line([(left + 10, top), (left + 450, top)], fill=RED, width=4)
    draw.line([(left + 10, bottom), (left + 450, bottom)], fill=BLUE, width=4)
    _text(draw, (left + 14, top - 6), "+24 VDC", 15, RED, "ld")
    _text(draw, (left + 14, bottom + 8), "0 V", 15, BLUE, "la")
    sx = left + 40
    draw.rounded_rectangle((sx, 200, sx + 140, 370), radius=10, fill="#e8edf3", outline=INK, width=2)
    _text(draw, (sx + 90, 380), "Sensor " + ("PNP" if pnp else "NPN"), 16, ACCENT, "ma")
    draw.line([(sx + 30, top), (sx + 30, 200)], fill=BROWN, width=4)
    draw.line([(sx + 30, 370), (sx + 30, bottom)], fill=BLUE, width=4)
    _text(draw, (sx + 36, 150), "coklat", 13, BROWN, "lm")
    _text(draw, (sx + 36, 420), "biru", 13, BLUE, "lm")
    # the sensor's output stage drawn as a switch from the black wire to +24 V (PNP) or to 0 V (NPN)
    supply = 200 if pnp else 370
    draw.line([(sx + 30, supply), (sx + 30, 225 if pnp else 345), (sx + 80, 225 if pnp else 345)], fill=INK, width=2)
    pivot = 255 if pnp else 315
    draw.line([(sx + 80, 225 if pnp else 345), (sx + 80, pivot)], fill=INK, width=2)
    draw.line([(sx + 80, pivot), (sx + 102, 276 if pnp else 294)], fill=INK, width=3)
    draw.line([(sx + 108, 285), (sx + 140, 285)], fill=INK, width=2)
    _text(draw, (sx + 70, 318 if pnp else 222), "output\n(transistor)", 12, MUTED, "ma")
    px = left + 290
    draw.rounded_rectangle((px, 190, px + 140, 400), radius=10, fill="#d9dee5", outline=INK, width=2)
    _text(draw, (px + 70, 410), "Input PLC", 16, ACCENT, "ma")
    _text(draw, (px + 70, 432), "COM ke 0 V" if pnp else "COM ke +24 V", 14, RED if not pnp else BLUE, "ma")
    _box(draw, (px + 30, 250, px + 110, 320), "rangkaian\ninput\n(LED I0.0)", fill="white", size=12)
    draw.line([(sx + 140, 285), (px, 285)], fill=INK, width=4)
    _text(draw, (sx + 150, 278), "hitam", 13, INK, "ld")
    draw.ellipse((px - 6, 279, px + 6, 291), fill="white", outline=INK, width=2)
    _text(draw, (px + 6, 262), "I0.0", 13, INK, "la")
    draw.line([(px + 6, 285), (px + 30, 285)], fill=INK, width=2)
    draw.line([(px + 70, 320), (px + 70, 360), (px + 134, 360)], fill=INK, width=2)
    draw.ellipse((px + 134, 354, px + 146, 366), fill="white", outline=INK, width=2)
    _text(draw, (px + 128, 368), "COM", 13, INK, "ra")
    draw.line(
        [(px + 146, 360), (left + 450, 360), (left + 450, bottom if pnp else top)], fill=BLUE if pnp else RED, width=4
    )
    flow = "arus: sensor -> I0.0 -> COM -> 0 V" if pnp else "arus: +24 V -> COM -> I0.0 -> sensor"
    _text(draw, (left + 225, 496), flow, 15, "#b45309", "ma")
    _text(
        draw,
        (left + 225, 62),
        ("PNP (sourcing): hitam ke +24 V saat aktif" if pnp else "NPN (sinking): hitam ke 0 V saat aktif"),
        16,
        INK,
        "ma",
    )


def draw_sensor_wiring() -> Image.Image:
    image, draw = _canvas("Sensor 3 kabel 24 VDC ke input PLC: PNP dan NPN")
    draw.rectangle((0, 54, W, 84), fill="#e9eef5")
    _sensor_panel(draw, 8, pnp=True)
    draw.line([(480, 90), (480, 520)], fill="#c5ccd6", width=2)
    _sensor_panel(draw, 492, pnp=False)
    return image


IMAGES = {
    "mechatronics-cover": draw_track_cover,
    "mechatronics-course": draw_course_cover,
    "mechatronics-plc-overview": draw_plc_overview,
    "mechatronics-ladder-symbols": draw_ladder_symbols,
    "mechatronics-start-stop": draw_start_stop,
    "mechatronics-ton-timing": draw_ton_timing,
    "mechatronics-counter": draw_counter,
    "mechatronics-sensor-wiring": draw_sensor_wiring,
}

# --------------------------------------------------------------------------------------------------------------------
# Block helpers
# --------------------------------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------------------------------
# Lessons
# --------------------------------------------------------------------------------------------------------------------

LESSON_PLC = [
    text(
        """
        <h2>Apa itu PLC?</h2>
        <p><b>PLC</b> (<i>Programmable Logic Controller</i>) adalah komputer industri yang mengendalikan mesin dan
        proses produksi. Dulu, urutan kerja mesin dibuat dengan puluhan relai dan kabel; setiap perubahan berarti
        mengubah pengawatan. Dengan PLC, logika kendali disimpan sebagai <b>program</b>, sehingga perubahan cukup
        dilakukan di perangkat lunak. PLC dirancang tahan getaran, debu, panas panel, dan gangguan listrik, serta
        bisa bekerja bertahun-tahun tanpa henti.</p>
        <h3>Bagian-bagian PLC</h3>
        <ul>
        <li><b>Catu daya</b>: biasanya menyediakan 24 VDC untuk sirkuit kendali.</li>
        <li><b>CPU</b>: menjalankan program dan menyimpan data.</li>
        <li><b>Modul input</b>: menerima sinyal dari tombol, limit switch, sensor proximity, dan sensor
        fotolistrik.</li>
        <li><b>Modul output</b>: menyalakan beban seperti koil kontaktor, lampu indikator, katup solenoid, dan
        sirene. Tipenya relai atau transistor.</li>
        <li><b>Port komunikasi</b>: untuk laptop pemrograman, layar sentuh (HMI), dan jaringan pabrik.</li>
        </ul>
        """
    ),
    image(
        "mechatronics-plc-overview",
        "Input masuk ke PLC, CPU menjalankan program, output menggerakkan beban; semuanya dalam siklus scan.",
        "Diagram blok: tombol dan sensor di kiri masuk ke modul input PLC, CPU di tengah, modul output di kanan ke "
        "kontaktor, lampu, solenoid, dan sirene. Di bawahnya siklus scan: baca input, jalankan program, tulis output.",
    ),
    text(
        """
        <h3>Siklus scan</h3>
        <p>PLC bekerja dalam putaran yang disebut <b>scan</b>:</p>
        <ol>
        <li><b>Baca input</b>: keadaan semua input disalin ke memori (<i>process image</i>).</li>
        <li><b>Jalankan program</b>: dari rung paling atas ke bawah, setiap rung dari kiri ke kanan.</li>
        <li><b>Tulis output</b>: hasil program dikirim ke terminal output sekaligus.</li>
        </ol>
        <p>Satu scan biasanya hanya beberapa milidetik, lalu diulang terus. Karena input dibaca di awal scan,
        perubahan input yang sangat singkat (lebih pendek dari satu scan) bisa terlewat. Untuk sinyal secepat itu
        dipakai input cepat atau counter berkecepatan tinggi.</p>
        <h3>Alamat input dan output</h3>
        <p>Setiap terminal punya <b>alamat</b>. Penulisannya berbeda antarmerek, tetapi idenya sama. Dalam kursus ini
        kita memakai gaya I0.0 (input) dan Q0.0 (output).</p>
        """
    ),
    table(
        "Contoh penulisan alamat pada beberapa PLC",
        ["Sistem", "Input digital", "Output digital", "Bit memori"],
        [
            ["IEC 61131-3 (alamat langsung)", "%IX0.0", "%QX0.0", "%MX0.0"],
            ["Siemens S7-1200", "I0.0", "Q0.0", "M0.0"],
            ["Mitsubishi FX", "X0", "Y0", "M0"],
            ["Omron CP1E/CP1L", "0.00", "100.00", "W0.00"],
        ],
    ),
    callout(
        "k3",
        "Panel kendali bukan hanya 24 V",
        "<p>Di dalam panel yang sama biasanya ada 220/380 VAC untuk motor dan catu daya. Hanya petugas yang "
        "berwenang boleh membuka panel. Pengawatan dan penggantian modul dilakukan pada panel yang sudah "
        "<b>dimatikan, dikunci (LOTO), dan diuji bebas tegangan</b>.</p>",
    ),
    quick_check(
        "Urutan kerja PLC dalam satu siklus scan adalah...",
        [
            (
                "Baca input, jalankan program, tulis output",
                True,
                "Benar. Urutan ini berulang terus selama PLC dalam mode RUN.",
            ),
            (
                "Tulis output, baca input, jalankan program",
                False,
                "Output ditulis setelah program selesai dijalankan, bukan sebelumnya.",
            ),
            (
                "Program hanya dijalankan saat ada input yang berubah",
                False,
                "PLC menjalankan seluruh program pada setiap scan, ada perubahan input atau tidak.",
            ),
        ],
        "<p>Memahami siklus scan membantu Anda membaca program: hasil sebuah rung baru sampai ke terminal output "
        "di akhir scan.</p>",
    ),
]

LESSON_CONTACTS = [
    text(
        """
        <h2>Bahasa ladder</h2>
        <p>Diagram ladder (LD) adalah bahasa pemrograman PLC yang meniru gambar rangkaian relai. Ada dua rel
        vertikal (kiri dan kanan) dan anak tangga (<i>rung</i>) horizontal di antaranya. Bayangkan "aliran daya"
        dari rel kiri ke kanan: jika ada jalur yang tersambung, <b>coil</b> di ujung kanan rung bernilai 1.</p>
        """
    ),
    image(
        "mechatronics-ladder-symbols",
        "Kontak NO, kontak NC, dan coil; rangkaian seri berarti DAN, paralel berarti ATAU.",
        "Tiga kartu simbol: kontak NO tersambung jika bit 1, kontak NC tersambung jika bit 0, coil bernilai 1 jika "
        "rung tersambung. Di bawahnya contoh rung seri S1 dan S2 ke LAMPU, dan rung paralel S1 atau S2 ke LAMPU2.",
    ),
    table(
        "Tiga simbol dasar",
        ["Simbol", "Nama", "Bit bernilai 0", "Bit bernilai 1"],
        [
            ["-| |-", "Kontak NO (normally open)", "Terputus", "Tersambung"],
            ["-|/|-", "Kontak NC (normally closed)", "Tersambung", "Terputus"],
            ["-( )-", "Coil", "Rung terputus: coil = 0", "Rung tersambung: coil = 1"],
        ],
    ),
    text(
        """
        <h3>Seri berarti DAN, paralel berarti ATAU</h3>
        <p>Kontak yang disusun <b>seri</b> harus tersambung semua agar coil aktif (logika AND). Kontak yang disusun
        <b>paralel</b> cukup salah satu yang tersambung (logika OR). Kontak NC membalik nilai bit (NOT). Dari tiga
        bentuk ini, semua logika kendali dapat disusun.</p>
        """
    ),
    code(
        "ladder",
        """
        (* Notasi teks: [ ] kontak NO, [/ ] kontak NC, ( ) coil *)

        (* Rung 1 - seri (AND): LAMPU menyala jika S1 DAN S2 aktif *)
        |----[ S1 ]----[ S2 ]---------------------( LAMPU )----|

        (* Rung 2 - paralel (OR): LAMPU2 menyala jika S1 ATAU S2 aktif *)
        |----+----[ S1 ]----+---------------------( LAMPU2 )---|
        |    |              |
        |    +----[ S2 ]----+

        (* Rung 3 - kontak NC (NOT): LAMPU3 menyala selama S3 TIDAK aktif *)
        |----[/ S3 ]------------------------------( LAMPU3 )---|
        """,
        "Tiga rung dasar dalam notasi teks ladder.",
    ),
    code(
        "ladder",
        """
        LAMPU  := S1 AND S2;
        LAMPU2 := S1 OR S2;
        LAMPU3 := NOT S3;
        """,
        "Logika yang sama dalam Structured Text (IEC 61131-3).",
    ),
    text(
        """
        <h3>Jebakan: tombol NC fisik dan kontak NC di program</h3>
        <p>Kontak di program <b>tidak tahu</b> apakah tombol fisiknya NO atau NC; ia hanya membaca bit input.
        Tombol STOP biasanya dipasang <b>NC secara fisik</b>, agar kabel putus atau terminal kendur juga
        menghentikan mesin (prinsip <i>fail-safe</i>). Saat STOP tidak ditekan, arus mengalir dan bit input bernilai
        1. Karena itu di program, STOP ditulis sebagai kontak <b>NO</b>: rung tersambung selama tombol tidak ditekan,
        dan terputus saat tombol ditekan atau kabelnya putus.</p>
        """
    ),
    quick_check(
        "Tombol STOP dipasang NC secara fisik ke input I0.1. Kontak apa yang dipakai untuk I0.1 di program agar motor "
        "berhenti saat STOP ditekan?",
        [
            (
                "Kontak NC untuk I0.1",
                False,
                "Dengan kontak NC, rung justru terputus selama tombol tidak ditekan (bit = 1), sehingga motor tidak "
                "pernah bisa jalan.",
            ),
            (
                "Kontak NO untuk I0.1",
                True,
                "Benar. Bit I0.1 bernilai 1 selama STOP tidak ditekan, jadi kontak NO tersambung; saat ditekan, bit "
                "menjadi 0 dan rung terputus.",
            ),
            ("Coil I0.1", False, "I0.1 adalah input; nilai input dibaca dari terminal, bukan ditulis oleh coil."),
        ],
        "<p>Tanyakan selalu: <b>berapa nilai bit input dalam keadaan normal?</b> Pilih jenis kontak di program "
        "berdasarkan nilai bit itu, bukan berdasarkan jenis tombol fisiknya.</p>",
    ),
]

LESSON_START_STOP = [
    text(
        """
        <h2>Masalah tombol tekan-lepas</h2>
        <p>Tombol START bersifat <i>momentary</i>: tersambung hanya selama ditekan. Padahal motor harus tetap
        berjalan setelah tombol dilepas, dan berhenti ketika STOP ditekan atau relai beban lebih (<i>overload</i>)
        trip. Solusinya adalah <b>kontak pengunci</b> (<i>seal-in</i> atau <i>self-holding</i>): kontak dari output
        motor itu sendiri dipasang paralel dengan tombol START.</p>
        """
    ),
    image(
        "mechatronics-start-stop",
        "Rung start/stop: kontak pengunci Q0.0 paralel dengan START; STOP dan overload dipasang NC secara fisik.",
        "Diagram ladder: START I0.0 paralel dengan kontak Q0.0, seri dengan STOP I0.1 dan Overload I0.2, ke coil "
        "MOTOR Q0.0. Di bawah: pengawatan tombol START NO, STOP NC, kontak overload NC, dan catatan K3 tentang "
        "tombol darurat.",
    ),
    code(
        "ladder",
        """
        (* STOP dan OL dipasang NC secara fisik: bernilai 1 dalam keadaan normal *)
                 START         STOP        OL                  MOTOR
        |----+--[ I0.0 ]--+--[ I0.1 ]----[ I0.2 ]--------------( Q0.0 )----|
        |    |            |
        |    +--[ Q0.0 ]--+
                 MOTOR (kontak pengunci)
        """,
        "Rung start/stop dengan kontak pengunci.",
    ),
    code(
        "ladder",
        """
        (* Start_PB = I0.0, Stop_OK = I0.1, OL_OK = I0.2, Motor = Q0.0 *)
        Motor := (Start_PB OR Motor) AND Stop_OK AND OL_OK;
        """,
        "Rung yang sama dalam Structured Text.",
    ),
    text(
        """
        <h3>Cara kerjanya</h3>
        <ol>
        <li><b>Awal</b>: START = 0, STOP = 1, OL = 1, MOTOR = 0. Tidak ada jalur tersambung; motor mati.</li>
        <li><b>START ditekan</b>: jalur lewat START tersambung, MOTOR = 1, dan kontak pengunci Q0.0 ikut
        tersambung.</li>
        <li><b>START dilepas</b>: jalur tetap tersambung lewat kontak pengunci; motor terus berjalan.</li>
        <li><b>STOP ditekan</b>: bit STOP = 0, rung terputus, MOTOR = 0, dan pengunci lepas. Setelah STOP dilepas,
        motor tetap mati sampai START ditekan lagi.</li>
        <li><b>Overload trip</b>: sama seperti STOP.</li>
        </ol>
        <p>Rangkaian ini juga mencegah <b>start ulang otomatis</b>: jika listrik padam lalu menyala kembali, motor
        tidak langsung berputar karena bit pengunci sudah hilang. Ini penting untuk keselamatan operator.</p>
        """
    ),
    callout(
        "k3",
        "Tombol darurat (E-stop) harus hard-wired",
        """
        <ul>
        <li>Tombol darurat (tombol jamur merah dengan latar kuning) harus <b>memutus energi secara langsung</b>
        lewat rangkaian kabel dan relai keselamatan, misalnya memutus suplai koil kontaktor. Ia tidak boleh hanya
        dibaca sebagai input PLC biasa.</li>
        <li>Alasannya: program bisa salah atau diubah orang, PLC bisa macet, dan transistor atau kontak relai output
        bisa rusak dalam keadaan tersambung.</li>
        <li>PLC boleh membaca kontak bantu E-stop untuk alarm dan tampilan HMI.</li>
        <li>Setelah E-stop dilepas, mesin tidak boleh berjalan sendiri; operator harus menekan START lagi.</li>
        </ul>
        """,
    ),
    quick_check(
        "Motor sedang berjalan, lalu operator melepas tombol START. Mengapa motor tetap berjalan?",
        [
            (
                "PLC menyimpan input START selamanya",
                False,
                "Input dibaca ulang setiap scan; setelah dilepas, bit START kembali 0.",
            ),
            (
                "Karena tombol STOP dipasang NC",
                False,
                "STOP NC hanya membuat bit STOP bernilai 1 dalam keadaan normal; yang menahan motor adalah pengunci.",
            ),
            (
                "Kontak pengunci Q0.0 yang paralel dengan START tetap tersambung",
                True,
                "Benar. Selama MOTOR = 1, kontak Q0.0 menyediakan jalur pengganti tombol START.",
            ),
        ],
        "<p>Kontak pengunci adalah <b>memori</b> paling sederhana di ladder: output 'mengingat' dirinya sendiri "
        "sampai ada kondisi yang memutus rung.</p>",
    ),
]

LESSON_TIMER = [
    text(
        """
        <h2>Timer di PLC</h2>
        <p>Standar IEC 61131-3 mendefinisikan tiga timer dasar. Yang paling sering dipakai adalah <b>TON</b>
        (<i>on-delay</i>): output menyala setelah input aktif selama waktu tertentu. Setiap timer punya:</p>
        <ul>
        <li><b>IN</b>: input yang memulai timer.</li>
        <li><b>PT</b> (<i>preset time</i>): waktu yang diinginkan, misalnya <code>T#5s</code>.</li>
        <li><b>Q</b>: output timer.</li>
        <li><b>ET</b> (<i>elapsed time</i>): waktu yang sudah berjalan.</li>
        </ul>
        <h3>Cara kerja TON</h3>
        <ul>
        <li>Saat IN = 1, ET mulai naik dari 0.</li>
        <li>Saat ET mencapai PT, Q = 1 dan tetap 1 selama IN masih 1.</li>
        <li>Saat IN = 0, ET langsung kembali 0 dan Q = 0. Jika IN mati sebelum PT tercapai, Q tidak pernah
        menyala; TON tidak menyimpan waktu yang sudah berjalan.</li>
        </ul>
        """
    ),
    image(
        "mechatronics-ton-timing",
        "Diagram waktu TON dengan PT = 5 s: Q menyala 5 detik setelah IN; pulsa IN 2 detik tidak menghasilkan Q.",
        "Tiga garis sinyal terhadap waktu 0 sampai 15 detik. IN aktif dari detik 1 sampai 9 dan 11 sampai 13. ET naik "
        "dari detik 1 sampai mencapai PT di detik 6. Q aktif dari detik 6 sampai 9. Pulsa kedua terlalu pendek.",
    ),
    table(
        "Tiga timer IEC 61131-3",
        ["Timer", "Nama", "Perilaku", "Contoh pemakaian"],
        [
            ["TON", "On-delay", "Q = 1 setelah IN aktif selama PT", "Sirene peringatan sebelum konveyor jalan"],
            [
                "TOF",
                "Off-delay",
                "Q langsung 1 saat IN = 1; tetap 1 selama PT setelah IN mati",
                "Kipas pendingin tetap berputar setelah mesin berhenti",
            ],
            ["TP", "Pulse", "Q = 1 tepat selama PT setiap kali IN naik", "Pulsa dorong silinder pneumatik"],
        ],
    ),
    text(
        """
        <h3>Contoh: peringatan sebelum konveyor berjalan</h3>
        <p>Konveyor panjang wajib memberi peringatan sebelum bergerak, agar tidak ada orang yang tangannya masih di
        atas sabuk. Saat START ditekan, sirene berbunyi 5 detik, baru kemudian konveyor berjalan.</p>
        """
    ),
    code(
        "ladder",
        """
        |----+--[ START ]--+--[ STOP_OK ]-------------------------( MINTA )-----|
        |    +--[ MINTA ]--+
        |
        |-------[ MINTA ]------------------[ TON T_Sirene  PT = T#5s ]----------|
        |
        |-------[ MINTA ]------[/ T_Sirene.Q ]--------------------( SIRENE )----|
        |
        |-------[ T_Sirene.Q ]------------------------------------( KONVEYOR )--|
        """,
        "Ladder: permintaan jalan dengan pengunci, timer 5 detik, sirene, lalu konveyor.",
    ),
    code(
        "ladder",
        """
        VAR
            T_Sirene : TON;
            Minta    : BOOL;   (* permintaan jalan, dengan pengunci *)
        END_VAR

        Minta := (Start OR Minta) AND Stop_OK;
        T_Sirene(IN := Minta, PT := T#5s);
        Sirene   := Minta AND NOT T_Sirene.Q;   (* sirene berbunyi 5 detik lebih dulu *)
        Konveyor := T_Sirene.Q;                 (* konveyor jalan setelah 5 detik *)
        """,
        "Program yang sama dalam Structured Text.",
    ),
    callout(
        "info",
        "Periksa satuan waktu",
        "<p>Pada IEC 61131-3 waktu ditulis <b>T#500ms</b>, <b>T#5s</b>, atau <b>T#1m30s</b>. "
        "Beberapa PLC memakai basis waktu tetap. Contohnya, timer T0 pada PLC Mitsubishi FX berbasis 100 ms, jadi "
        "<b>K50</b> berarti 50 x 100 ms = 5 detik.</p>",
    ),
    quick_check(
        "Sebuah TON memakai PT = T#5s. Input IN aktif selama 3 detik, lalu mati. Apa yang terjadi pada Q?",
        [
            (
                "Q tetap 0 dan ET kembali ke 0",
                True,
                "Benar. PT belum tercapai; saat IN mati, TON mereset ET dan Q tidak pernah menyala.",
            ),
            ("Q menyala 2 detik kemudian", False, "TON tidak melanjutkan hitungan setelah IN mati."),
            ("Q menyala selama 3 detik", False, "Q baru menyala jika ET mencapai PT, yaitu 5 detik."),
        ],
        "<p>Jika waktu harus dijumlahkan dari beberapa periode aktif (misalnya jam kerja mesin), gunakan timer "
        "akumulasi (TONR atau RTO, tergantung merek), bukan TON.</p>",
    ),
]

LESSON_COUNTER = [
    text(
        """
        <h2>Counter</h2>
        <p>Counter menghitung kejadian, misalnya jumlah produk yang lewat sensor. IEC 61131-3 menyediakan
        <b>CTU</b> (hitung naik), <b>CTD</b> (hitung turun), dan <b>CTUD</b> (naik dan turun). Pada CTU:</p>
        <ul>
        <li><b>CU</b>: setiap <b>tepi naik</b> (perubahan 0 ke 1) menambah hitungan satu. Sinyal yang tetap 1 tidak
        dihitung berulang.</li>
        <li><b>R</b>: reset; membuat hitungan kembali 0.</li>
        <li><b>PV</b> (<i>preset value</i>): nilai target.</li>
        <li><b>CV</b> (<i>current value</i>): hitungan saat ini.</li>
        <li><b>Q</b>: bernilai 1 jika CV lebih besar atau sama dengan PV.</li>
        </ul>
        <h3>Contoh: pengepakan 12 kotak per karton</h3>
        <p>Sensor fotolistrik di ujung konveyor mendeteksi setiap kotak. Setelah 12 kotak, konveyor berhenti dan
        lampu "karton penuh" menyala. Operator mengganti karton lalu menekan RESET.</p>
        """
    ),
    image(
        "mechatronics-counter",
        "Program pengepakan: CTU menghitung kotak; lampu menyala dan konveyor berhenti saat hitungan mencapai 12.",
        "Diagram ladder tiga rung: sensor kotak ke input CU dan tombol RESET ke input R dari counter CTU dengan "
        "PV 12; kontak C_Kotak.Q menyalakan lampu penuh; kontak Jalan seri dengan kontak NC C_Kotak.Q ke konveyor.",
    ),
    code(
        "ladder",
        """
        VAR
            C_Kotak : CTU;
        END_VAR

        C_Kotak(CU := Sensor_Kotak, R := Reset_PB, PV := 12);
        Lampu_Penuh := C_Kotak.Q;                (* TRUE saat CV >= 12 *)
        Konveyor    := Jalan AND NOT C_Kotak.Q;  (* berhenti saat karton penuh *)
        """,
        "Program pengepakan dalam Structured Text.",
    ),
    text(
        """
        <h2>Cara membaca diagram ladder</h2>
        <ol>
        <li><b>Baca daftar I/O</b> (tabel simbol) lebih dulu, supaya tahu arti setiap alamat.</li>
        <li>Baca <b>rung demi rung</b> dari atas ke bawah; setiap rung dari kiri ke kanan.</li>
        <li>Untuk setiap rung, tanyakan <i>"kapan coil ini bernilai 1?"</i> dan ubah menjadi kalimat, misalnya
        "konveyor jalan jika Jalan aktif DAN karton belum penuh".</li>
        <li>Cari bit yang sama di rung lain: coil pada satu rung sering dipakai sebagai kontak di rung lain.</li>
        <li>Waspadai <b>coil ganda</b>: satu output yang ditulis di dua rung. Rung terakhir yang menentukan hasilnya,
        dan ini sumber kesalahan yang sering terjadi.</li>
        <li>Gunakan mode <b>monitor/online</b> di perangkat lunak PLC: jalur yang tersambung ditampilkan berwarna.</li>
        </ol>
        """
    ),
    table(
        "Daftar I/O program pengepakan",
        ["Alamat", "Simbol", "Keterangan"],
        [
            ["I0.3", "Sensor_Kotak", "Sensor fotolistrik di ujung konveyor (1 = ada kotak)"],
            ["I0.4", "Reset_PB", "Tombol RESET hitungan (NO)"],
            ["M0.0", "Jalan", "Bit memori permintaan jalan (dari rangkaian start/stop)"],
            ["Q0.0", "Konveyor", "Koil kontaktor motor konveyor"],
            ["Q0.1", "Lampu_Penuh", "Lampu indikator karton penuh"],
        ],
    ),
    quick_check(
        "Counter CTU dengan PV = 12 sudah menghitung 12 kotak. Sebelum RESET ditekan, sensor mendeteksi kotak ke-13. "
        "Bagaimana keadaan counter?",
        [
            (
                "CV kembali ke 1 dan Q menjadi 0",
                False,
                "CTU tidak mereset dirinya sendiri; hanya input R yang mereset.",
            ),
            (
                "CV menjadi 13 dan Q tetap 1",
                True,
                "Benar. CTU terus menghitung, dan Q = 1 selama CV lebih besar atau sama dengan PV.",
            ),
            ("PLC berhenti karena error", False, "Melewati PV bukan kesalahan; itu keadaan normal."),
        ],
        "<p>Counter hanya kembali ke 0 lewat input <b>R</b>. Karena itu rancang urutan kerja yang jelas: kapan "
        "hitungan direset, dan siapa yang menekan RESET.</p>",
    ),
]

LESSON_SENSOR = [
    text(
        """
        <h2>Sensor tiga kabel 24 VDC</h2>
        <p>Sensor proximity induktif, kapasitif, dan fotolistrik umumnya memakai tiga kabel dengan warna standar:
        <b>coklat</b> = +24 VDC, <b>biru</b> = 0 V, dan <b>hitam</b> = sinyal output. Di dalam sensor ada transistor
        yang berfungsi sebagai saklar elektronik untuk kabel hitam.</p>
        <h3>PNP (sourcing)</h3>
        <p>Saat mendeteksi benda, sensor PNP menyambungkan kabel hitam ke <b>+24 V</b>. Arus mengalir dari sensor ke
        input PLC, lalu keluar lewat terminal bersama (COM) input. Karena itu <b>COM input PLC disambung ke
        0 V</b>.</p>
        <h3>NPN (sinking)</h3>
        <p>Saat mendeteksi benda, sensor NPN menyambungkan kabel hitam ke <b>0 V</b>. Arus mengalir dari +24 V lewat
        COM, melalui input PLC, ke sensor. Karena itu <b>COM input PLC disambung ke +24 V</b>.</p>
        """
    ),
    image(
        "mechatronics-sensor-wiring",
        "Pengawatan sensor PNP (COM input ke 0 V) dan NPN (COM input ke +24 V) ke input I0.0.",
        "Dua skema berdampingan. Kiri: sensor PNP, coklat ke +24 V, biru ke 0 V, hitam ke I0.0, COM ke 0 V. Kanan: "
        "sensor NPN dengan warna kabel yang sama, tetapi COM input ke +24 V. Arah arus ditulis di bawah tiap skema.",
    ),
    table(
        "Perbandingan PNP dan NPN",
        ["", "PNP (sourcing)", "NPN (sinking)"],
        [
            ["Kabel hitam saat aktif", "Tersambung ke +24 V", "Tersambung ke 0 V"],
            ["COM input PLC", "Ke 0 V", "Ke +24 V"],
            ["Ukur hitam terhadap 0 V saat aktif", "Sekitar 24 V", "Sekitar 0 V"],
            ["Banyak dijumpai pada", "Mesin standar Eropa", "Mesin standar Jepang dan Asia"],
        ],
    ),
    text(
        """
        <h3>Langkah pengawatan dan pemeriksaan</h3>
        <ol>
        <li>Baca label atau datasheet sensor: PNP atau NPN, NO atau NC, dan rentang tegangan (misalnya 10-30
        VDC).</li>
        <li>Matikan, kunci, dan beri tag sumber energi panel (LOTO), lalu uji bebas tegangan.</li>
        <li>Sambungkan coklat ke +24 V, biru ke 0 V, dan hitam ke terminal input (misalnya I0.0). Sambungkan COM
        input sesuai jenis sensor. Ingat: satu kelompok input dengan COM yang sama hanya bisa untuk satu
        jenis, PNP saja atau NPN saja.</li>
        <li>Pasang ferrule pada ujung kabel serabut, kencangkan terminal, rapikan, dan beri label kabel.</li>
        <li>Setelah pemeriksaan visual selesai dan semua orang menjauh dari bagian bergerak, lepaskan LOTO dan
        nyalakan panel.</li>
        <li>Uji: dekatkan benda ke sensor. LED sensor dan LED input I0.0 di PLC harus menyala bersamaan.</li>
        <li>Jika LED sensor menyala tetapi LED input PLC tidak: periksa sambungan COM, jenis PNP/NPN, dan kabel
        hitam. Ukur tegangan kabel hitam terhadap 0 V dengan multimeter.</li>
        </ol>
        """
    ),
    callout(
        "k3",
        "Lockout/tagout (LOTO) sebelum bekerja di panel",
        """
        <ol>
        <li>Beri tahu operator dan pihak yang terdampak.</li>
        <li>Hentikan mesin dengan cara normal.</li>
        <li>Isolasi semua sumber energi: saklar utama atau MCB, udara bertekanan, dan energi mekanis (pegas, beban
        menggantung).</li>
        <li>Pasang <b>gembok pribadi dan tag</b> bernama Anda. Satu orang, satu gembok; kuncinya Anda simpan
        sendiri.</li>
        <li>Lepaskan energi tersimpan (kapasitor, tekanan udara di selang).</li>
        <li>Verifikasi: coba tekan START (mesin tidak boleh bergerak), lalu ukur dengan penguji tegangan yang sudah
        dicek pada sumber hidup.</li>
        </ol>
        <p>Gembok hanya boleh dilepas oleh pemiliknya sendiri.</p>
        """,
    ),
    callout(
        "warning",
        "Lindungi output sensor",
        "<p>Jangan menyambung kabel hitam langsung ke +24 V atau 0 V tanpa melalui input PLC. Output sensor bisa "
        "terhubung singkat dan rusak. Jangan pernah menyambung sensor 24 VDC ke 220 VAC.</p>",
    ),
    quick_check(
        "Sensor PNP terpasang: coklat ke +24 V, biru ke 0 V, hitam ke I0.0. LED sensor menyala saat ada benda, tetapi "
        "LED input I0.0 tetap mati. COM input PLC tersambung ke +24 V. Apa masalahnya?",
        [
            (
                "Kabel coklat harus dipindah ke 0 V",
                False,
                "Kabel coklat adalah catu daya sensor dan harus tetap di +24 V; sensornya sudah bekerja (LED menyala).",
            ),
            (
                "Sensor PNP tidak bisa dipakai dengan PLC",
                False,
                "Hampir semua input PLC 24 VDC dapat dipakai untuk PNP maupun NPN; yang menentukan adalah "
                "sambungan COM.",
            ),
            (
                "COM input harus disambung ke 0 V untuk sensor PNP",
                True,
                "Benar. Dengan COM di +24 V, kedua ujung rangkaian input bertegangan +24 V saat sensor aktif, sehingga "
                "tidak ada arus yang mengalir.",
            ),
        ],
        "<p>Input PLC baru menyala jika ada <b>beda tegangan</b> di antara terminal input dan COM. PNP: COM ke 0 V. "
        "NPN: COM ke +24 V.</p>",
    ),
]

# --------------------------------------------------------------------------------------------------------------------
# Track
# --------------------------------------------------------------------------------------------------------------------

TRACK = {
    "slug": "mekatronika-dan-otomasi-industri",
    "title": "Mekatronika dan Otomasi Industri",
    "short_description": (
        "Dasar otomasi untuk lini produksi modern: PLC, logika ladder, timer dan counter, sensor, serta kerja aman di "
        "panel kendali."
    ),
    "intro": html(
        """
        <p>Pabrik-pabrik baru di kawasan industri memakai konveyor, robot, dan mesin otomatis yang dikendalikan
        PLC. Teknisi yang mampu membaca program, memasang sensor, dan mencari gangguan sangat dibutuhkan.</p>
        <p>Jalur ini memadukan <b>listrik, mekanik, dan pemrograman</b>. Setiap topik dikaitkan dengan contoh nyata di
        lantai produksi dan dengan aturan <b>K3</b> saat bekerja di panel listrik.</p>
        """
    ),
    "icon": "mechatronics",
    "colour": ACCENT,
    "image": "mechatronics-cover",
    "courses": [
        {
            "slug": "dasar-plc-dan-pemrograman-ladder",
            "title": "Dasar PLC dan Pemrograman Ladder",
            "summary": (
                "Kursus pengantar otomasi berbasis PLC untuk calon teknisi mekatronika. Peserta mempelajari cara kerja "
                "PLC dan siklus scan, input dan output, kontak NO/NC dan coil, rangkaian start/stop motor dengan "
                "kontak pengunci, timer TON, counter CTU, membaca diagram ladder, serta pengawatan sensor 24 VDC "
                "PNP/NPN. Contoh program ditulis dalam ladder dan Structured Text (IEC 61131-3), dengan penekanan "
                "pada LOTO dan tombol darurat yang hard-wired."
            ),
            "outcomes": [
                "Menjelaskan bagian-bagian PLC dan siklus scan.",
                "Membedakan kontak NO, kontak NC, dan coil, serta logika seri (AND) dan paralel (OR).",
                "Menyusun rangkaian start/stop motor dengan kontak pengunci.",
                "Memakai timer TON dan counter CTU dalam program sederhana.",
                "Membaca diagram ladder rung demi rung dengan bantuan daftar I/O.",
                "Menyambung sensor 24 VDC PNP dan NPN ke input PLC dengan benar.",
                "Menerapkan LOTO dan memahami mengapa tombol darurat harus hard-wired.",
            ],
            "kkni_level": 3,
            "jp_hours": 64,
            "sequential": True,
            "image": "mechatronics-course",
            "modules": [
                {
                    "slug": "plc-dan-logika-ladder",
                    "title": "PLC dan Logika Ladder Dasar",
                    "intro": html(
                        """
                        <p>Kenali PLC dan cara kerjanya, simbol dasar diagram ladder, dan rangkaian yang paling
                        sering dijumpai di pabrik: start/stop motor dengan kontak pengunci.</p>
                        """
                    ),
                    "lessons": [
                        {
                            "slug": "mengenal-plc",
                            "title": "Mengenal PLC: input, output, dan siklus scan",
                            "minutes": 25,
                            "required": True,
                            "body": LESSON_PLC,
                        },
                        {
                            "slug": "kontak-no-nc-dan-coil",
                            "title": "Kontak NO, kontak NC, dan coil",
                            "minutes": 30,
                            "required": True,
                            "body": LESSON_CONTACTS,
                        },
                        {
                            "slug": "rangkaian-start-stop-pengunci",
                            "title": "Rangkaian start/stop motor dengan kontak pengunci",
                            "minutes": 35,
                            "required": True,
                            "body": LESSON_START_STOP,
                        },
                    ],
                },
                {
                    "slug": "timer-counter-dan-sensor",
                    "title": "Timer, Counter, dan Pengawatan Sensor",
                    "intro": html(
                        """
                        <p>Tambahkan waktu dan hitungan ke program Anda, belajar membaca program orang lain, lalu
                        sambungkan sensor nyata ke input PLC dengan aman.</p>
                        """
                    ),
                    "lessons": [
                        {
                            "slug": "timer-ton",
                            "title": "Timer TON: menunda nyala",
                            "minutes": 30,
                            "required": True,
                            "body": LESSON_TIMER,
                        },
                        {
                            "slug": "counter-dan-membaca-ladder",
                            "title": "Counter CTU dan membaca diagram ladder",
                            "minutes": 35,
                            "required": True,
                            "body": LESSON_COUNTER,
                        },
                        {
                            "slug": "pengawatan-sensor-pnp-npn",
                            "title": "Pengawatan sensor 24 VDC PNP dan NPN ke input PLC",
                            "minutes": 40,
                            "required": True,
                            "body": [*LESSON_SENSOR, *interactive.MECHATRONICS_SENSOR],
                        },
                    ],
                },
            ],
        }
    ],
}
