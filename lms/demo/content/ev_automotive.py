"""Demo track "Otomotif Kendaraan Listrik": high-voltage battery safety for electric vehicles."""

import itertools
import math

from PIL import Image, ImageDraw, ImageFont

from lms.demo.content import interactive
from lms.demo.content.blocks import callout, code, html, image, quick_check, table, text

# --------------------------------------------------------------------------------------------------------------------
# Drawing helpers (images are drawn locally with Pillow; the bundled font has no en dash, arrows or Greek letters)
# --------------------------------------------------------------------------------------------------------------------

W, H = 960, 540
ACCENT = "#0e6e5c"
BG = "#f7faf9"
INK = "#1d2428"
MUTED = "#59636a"
HV = "#f57c00"  # high-voltage orange
LV = "#6b7280"  # 12 V wiring
RED = "#c62828"
GOOD = "#1b7f3b"
CELL = "#9cc9b9"


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


def _box(draw, box, text, fill="white", outline=INK, size=15, text_fill=INK, width=2):
    draw.rounded_rectangle(box, radius=8, fill=fill, outline=outline, width=width)
    _text(draw, ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), text, size, text_fill, anchor="mm")


def _label(draw, target, at, text, anchor="lm", size=15):
    draw.line([target, at], fill=INK, width=2)
    draw.ellipse((target[0] - 4, target[1] - 4, target[0] + 4, target[1] + 4), fill=INK)
    dx = {"l": 6, "r": -6}.get(anchor[0], 0)
    _text(draw, (at[0] + dx, at[1]), text, size, anchor=anchor)


def _arrow(draw, start, end, fill=INK, width=3, head=12):
    draw.line([start, end], fill=fill, width=width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    points = [end]
    for side in (-0.45, 0.45):
        points.append((end[0] - head * math.cos(angle + side), end[1] - head * math.sin(angle + side)))
    draw.polygon(points, fill=fill)


def _dashed(draw, points, fill, width=3, dash=12):
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        for start in range(0, int(length), dash * 2):
            t0, t1 = start / length, min(start + dash, length) / length
            draw.line(
                [(x0 + (x1 - x0) * t0, y0 + (y1 - y0) * t0), (x0 + (x1 - x0) * t1, y0 + (y1 - y0) * t1)],
                fill=fill,
                width=width,
            )


def _warning_sign(draw, centre, size=40):
    """Yellow triangle with a lightning bolt (electrical hazard)."""
    x, y = centre
    draw.polygon(
        [(x, y - size), (x + size * 1.1, y + size * 0.8), (x - size * 1.1, y + size * 0.8)],
        fill="#fbc02d",
        outline=INK,
        width=3,
    )
    s = size / 40
    bolt = [(4, -24), (-12, 6), (0, 6), (-6, 26), (12, -6), (0, -6), (6, -24)]
    draw.polygon([(x + px * s, y + py * s + 4 * s) for px, py in bolt], fill=INK)


def _resistor(draw, start, end, colour=INK):
    """A vertical zigzag resistor between two points with the same x."""
    x, y0 = start
    y1 = end[1]
    lead = (y1 - y0) * 0.25
    points = [(x, y0), (x, y0 + lead)]
    steps = 6
    for i in range(1, steps + 1):
        points.append((x + (10 if i % 2 else -10), y0 + lead + (y1 - y0 - 2 * lead) * (i - 0.5) / steps))
    points += [(x, y1 - lead), (x, y1)]
    draw.line(points, fill=colour, width=3)


def _car(draw, ox, oy, body="#e9efed", outline=INK):
    """Side view of a small EV with the battery pack under the floor and orange HV cables."""
    shape = [(0, 150), (10, 105), (60, 92), (150, 40), (300, 32), (380, 80), (440, 95), (460, 120), (460, 150)]
    draw.polygon([(ox + x, oy + y) for x, y in shape], fill=body, outline=outline, width=3)
    draw.polygon(
        [(ox + 165, oy + 50), (ox + 290, oy + 44), (ox + 350, oy + 82), (ox + 120, oy + 88)],
        fill="#bcd3e0",
        outline=outline,
        width=2,
    )
    draw.line([(ox + 235, oy + 46), (ox + 235, oy + 86)], fill=outline, width=3)
    draw.rounded_rectangle((ox + 100, oy + 132, ox + 350, oy + 160), radius=6, fill=CELL, outline=HV, width=4)
    draw.line([(ox + 350, oy + 146), (ox + 395, oy + 146), (ox + 395, oy + 118)], fill=HV, width=5)
    draw.rounded_rectangle((ox + 375, oy + 100, ox + 425, oy + 128), radius=4, fill="#8d99a3", outline=outline)
    for wx in (85, 375):
        draw.ellipse((ox + wx - 38, oy + 112, ox + wx + 38, oy + 188), fill="#2b3238")
        draw.ellipse((ox + wx - 18, oy + 132, ox + wx + 18, oy + 168), fill="#c3cbd1")


def _cover(title: str, subtitle: str) -> Image.Image:
    image = Image.new("RGB", (W, H), ACCENT)
    draw = ImageDraw.Draw(image)
    draw.rectangle((500, 0, W, H), fill="#168a74")
    _car(draw, 480, 250)
    _warning_sign(draw, (710, 140), 56)
    draw.multiline_text((48, 150), title, font=_font(44), fill="white", spacing=10)
    draw.multiline_text((48, 330), subtitle, font=_font(22), fill="#d5efe8", spacing=8)
    draw.text((48, 480), "Smart Training Center Batang", font=_font(18), fill="#d5efe8")
    return image


# --------------------------------------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------------------------------------


def draw_track_cover() -> Image.Image:
    return _cover("Otomotif\nKendaraan Listrik", "Sistem tegangan tinggi, baterai,\ndan pengisian daya")


def draw_course_cover() -> Image.Image:
    return _cover("Keselamatan Kerja\nTegangan Tinggi", "Baterai HV, APD, service disconnect,\ndan uji isolasi")


def draw_architecture() -> Image.Image:
    image, draw = _canvas("Arsitektur mobil listrik (tampak atas, skematis)")
    draw.rounded_rectangle((150, 80, 900, 470), radius=90, outline="#9fb3ad", width=4, fill="#eef4f2")
    _text(draw, (870, 330), "depan", 15, MUTED, "rm")
    _text(draw, (210, 125), "belakang", 15, MUTED, "lm")
    _box(draw, (30, 230, 135, 320), "Port\npengisian\nAC / DC", fill="#fff3e0", outline=HV)
    _box(draw, (190, 370, 320, 440), "On-board\ncharger (OBC)", fill="white", outline=HV)
    draw.rounded_rectangle((260, 160, 560, 340), radius=10, fill=CELL, outline=HV, width=4)
    _text(draw, (410, 225), "Baterai HV\n(300-800 V DC)", 18, INK, "mm")
    draw.rounded_rectangle((396, 290, 426, 320), radius=4, fill=HV, outline=INK, width=2)
    _text(draw, (410, 326), "service disconnect", 13, INK, "ma")
    _box(draw, (620, 200, 730, 300), "Inverter\nDC ke AC\n3 fasa", fill="white", outline=HV)
    _box(draw, (770, 200, 870, 300), "Motor\ntraksi", fill="#dfe7ec", outline=HV)
    _box(draw, (600, 370, 720, 440), "Konverter\nDC-DC", fill="white", outline=HV)
    _box(draw, (760, 370, 870, 440), "Baterai\n12 V", fill="#e5e7eb", outline=LV)
    _box(draw, (600, 100, 870, 160), "Kompresor AC listrik & pemanas", fill="white", outline=HV, size=14)
    orange = [
        [(135, 290), (170, 290), (170, 405), (190, 405)],  # AC: port to OBC
        [(320, 405), (350, 405), (350, 340)],  # OBC to battery
        [(560, 250), (620, 250)],  # battery to inverter
        [(560, 190), (585, 190), (585, 130), (600, 130)],  # battery to compressor
        [(520, 340), (520, 405), (600, 405)],  # battery to DC-DC
    ]
    for line in orange:
        draw.line(line, fill=HV, width=6)
    for dy in (-14, 0, 14):
        draw.line([(730, 250 + dy), (770, 250 + dy)], fill=HV, width=4)
    _dashed(draw, [(135, 250), (240, 250), (240, 200), (260, 200)], HV, width=6)
    _text(draw, (186, 240), "DC", 13, HV, "md")
    _text(draw, (176, 346), "AC", 13, HV, "lm")
    draw.line([(720, 405), (760, 405)], fill=LV, width=3)
    draw.line([(30, 500), (80, 500)], fill=HV, width=6)
    _text(draw, (90, 500), "Tegangan tinggi (kelas B), kabel oranye", 15, anchor="lm")
    draw.line([(470, 500), (520, 500)], fill=LV, width=3)
    _text(draw, (530, 500), "12 V (kelas A)", 15, anchor="lm")
    _dashed(draw, [(680, 500), (730, 500)], HV, width=6)
    _text(draw, (740, 500), "Jalur pengisian DC", 15, anchor="lm")
    return image


def draw_battery_pack() -> Image.Image:
    image, draw = _canvas("Isi pack baterai tegangan tinggi (ilustrasi)")
    draw.rounded_rectangle((30, 80, 640, 480), radius=14, fill="#e3ebe8", outline=INK, width=3)
    draw.rectangle((40, 452, 630, 470), fill="#a7c7e7")  # cooling plate
    modules = [(60 + c * 130, 130 + r * 170) for r in range(2) for c in range(4)]
    for mx, my in modules:
        draw.rounded_rectangle((mx, my, mx + 110, my + 120), radius=6, fill="white", outline=INK, width=2)
        for i in range(8):
            draw.rounded_rectangle(
                (mx + 6 + i * 13, my + 8, mx + 16 + i * 13, my + 112), radius=3, fill=CELL, outline="#4f7f6f"
            )
    busbar = "#b87333"
    for c in range(3):
        draw.line([(170 + c * 130, 150), (190 + c * 130, 150)], fill=busbar, width=6)
        draw.line([(170 + c * 130, 400), (190 + c * 130, 400)], fill=busbar, width=6)
    draw.line([(500, 250), (500, 265), (500, 300)], fill=busbar, width=6)
    draw.rounded_rectangle((482, 262, 518, 288), radius=4, fill=HV, outline=INK, width=2)  # service disconnect
    draw.rounded_rectangle((560, 120, 630, 440), radius=8, fill="#fff3e0", outline=HV, width=3)  # junction box
    _text(draw, (595, 126), "Kotak\nsambungan", 12, INK, "ma")
    for y, name in ((190, "K+"), (260, "pra-isi"), (330, "K-")):
        draw.rectangle((572, y, 618, y + 30), fill="white", outline=INK, width=2)
        _text(draw, (595, y + 15), name, 12, INK, "mm")
    draw.rectangle((576, 390, 614, 410), fill="#ffe082", outline=INK, width=2)  # fuse
    draw.line([(170, 150), (170, 108), (595, 108), (595, 120)], fill=busbar, width=4)
    draw.line([(60, 400), (45, 400), (45, 440), (595, 440)], fill=busbar, width=4)
    draw.rounded_rectangle((230, 90, 360, 120), radius=6, fill=ACCENT)
    _text(draw, (295, 105), "BMS", 15, "white", "mm")
    draw.line([(630, 210), (720, 210)], fill=HV, width=9)
    draw.line([(630, 350), (720, 350)], fill=HV, width=9)
    _text(draw, (726, 210), "HV+", 16, HV, "lm")
    _text(draw, (726, 350), "HV-", 16, HV, "lm")
    _text(draw, (780, 262), "kabel oranye ke\ninverter, OBC,\nkompresor", 14, MUTED, "la")
    _label(draw, (74, 190), (60, 505), "Sel: NMC kira-kira 3,6-3,7 V, LFP 3,2 V", "lm")
    _text(draw, (66, 275), "Service disconnect: memutus rangkaian seri di tengah pack", 14, INK, "lm")
    _arrow(draw, (450, 275), (478, 275), fill=INK, width=2, head=8)
    _label(draw, (360, 105), (780, 95), "BMS: tegangan, suhu,\narus, SoC, isolasi", "lm")
    _label(draw, (618, 205), (780, 170), "Kontaktor utama\nHV+ dan HV-", "lm")
    _label(draw, (614, 400), (780, 400), "Sekring utama", "lm")
    _label(draw, (500, 462), (780, 460), "Pelat pendingin cairan", "lm")
    return image


def draw_thermal_runaway() -> Image.Image:
    image, draw = _canvas("Thermal runaway: reaksi berantai di dalam sel")
    steps = [
        "Pemicu: benturan, tusukan,\nterendam, pengisian berlebih",
        "Sel memanas; reaksi kimia\nmenghasilkan panas sendiri",
        "Gas mudah terbakar dan\nberacun keluar (venting)",
        "Api dan panas menjalar\nke sel di sebelahnya",
    ]
    for i, step in enumerate(steps):
        y = 70 + i * 90
        _box(draw, (30, y, 380, y + 70), step, fill="#fff3e0" if i < 2 else "#ffe0d6", outline=HV if i < 2 else RED)
        if i < len(steps) - 1:
            _arrow(draw, (205, y + 70), (205, y + 90), fill=RED)
    draw.arc((330, 150, 440, 370), 270, 90, fill=RED, width=3)
    _arrow(draw, (400, 160), (384, 154), fill=RED, width=3, head=10)
    _text(draw, (448, 260), "makin\npanas", 14, RED, "lm")
    draw.rounded_rectangle((520, 70, 940, 420), radius=12, fill="white", outline=RED, width=3)
    _text(draw, (730, 82), "Tanda bahaya", 20, RED, "ma")
    signs = [
        "Asap atau uap putih/abu-abu dari kolong",
        "Bunyi mendesis, letupan, atau klik",
        "Bau manis atau tajam seperti pelarut",
        "Pack menggembung atau sangat panas",
        "Percikan atau semburan api seperti obor",
        "Lampu peringatan baterai di dasbor",
    ]
    for i, sign in enumerate(signs):
        y = 130 + i * 46
        draw.ellipse((540, y - 9, 558, y + 9), fill=RED)
        _text(draw, (549, y), "!", 14, "white", "mm")
        _text(draw, (570, y), sign, 16, INK, "lm")
    draw.rounded_rectangle((30, 440, 940, 526), radius=12, fill=RED)
    _text(draw, (485, 460), "Jauhi kendaraan, jauhkan orang, berdiri melawan arah angin.", 18, "white", "ma")
    _text(
        draw,
        (485, 490),
        "Hubungi pemadam kebakaran 113 / darurat 112 dan sebutkan: KENDARAAN LISTRIK.",
        18,
        "white",
        "ma",
    )
    return image


def _pin(draw, centre, radius, name, fill="white"):
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill, outline=INK, width=3)
    _text(draw, (x, y), name, 14 if radius < 20 else 16, INK, "mm")


def draw_charging_connectors() -> Image.Image:
    image, draw = _canvas("Konektor pengisian yang umum di Indonesia")
    for ox, title in ((60, "Type 2 (AC)"), (370, "CCS2 (DC, juga bisa AC Type 2)")):
        _text(draw, (ox + 130, 70), title, 19, ACCENT, "ma")
    draw.chord((60, 110, 300, 350), 300, 240, fill="#e8eef0", outline=INK, width=4)
    _pin(draw, (145, 160), 14, "PP")
    _pin(draw, (215, 160), 14, "CP")
    _pin(draw, (110, 230), 24, "N")
    _pin(draw, (180, 230), 24, "PE", "#dff0d8")
    _pin(draw, (250, 230), 24, "L1", "#fff3e0")
    _pin(draw, (140, 295), 24, "L3", "#fff3e0")
    _pin(draw, (220, 295), 24, "L2", "#fff3e0")
    draw.chord((380, 100, 600, 320), 300, 240, fill="#e8eef0", outline=INK, width=4)
    _pin(draw, (460, 150), 14, "PP")
    _pin(draw, (520, 150), 14, "CP")
    _pin(draw, (490, 215), 24, "PE", "#dff0d8")
    draw.rounded_rectangle((390, 330, 590, 430), radius=48, fill="#e8eef0", outline=INK, width=4)
    _pin(draw, (440, 380), 32, "DC-", "#fff3e0")
    _pin(draw, (540, 380), 32, "DC+", "#fff3e0")
    _text(
        draw,
        (180, 372),
        "L1, L2, L3, N: daya AC\nPE: pembumian\nCP: komunikasi & izin isi\nPP: deteksi kabel",
        14,
        INK,
        "ma",
    )
    _text(draw, (490, 446), "Dua pin DC besar langsung\nke baterai melalui kontaktor", 14, INK, "ma")
    draw.rounded_rectangle((650, 90, 940, 500), radius=12, fill="white", outline=MUTED, width=2)
    rows = [
        ("Mode 2", "Charger portabel ke\nstopkontak rumah", "sekitar 2 kW"),
        ("Mode 3 (AC)", "Wallbox / SPKLU AC,\nType 2", "3,7-22 kW"),
        ("Mode 4 (DC)", "SPKLU pengisian cepat,\nCCS2", "50-200+ kW"),
    ]
    for i, (mode, where, power) in enumerate(rows):
        y = 110 + i * 128
        _text(draw, (668, y), mode, 17, ACCENT)
        _text(draw, (668, y + 28), where, 15)
        _text(draw, (668, y + 76), power, 16, HV)
    _text(
        draw,
        (30, 510),
        "Ilustrasi susunan pin; posisi kiri-kanan bergantung pada sisi yang dilihat (soket atau colokan).",
        13,
        MUTED,
    )
    return image


def _person(draw, ox, oy):
    """A technician in PPE, front view; returns nothing (labels are added by the caller)."""
    draw.ellipse((ox - 34, oy, ox + 34, oy + 72), fill="#e0b48c", outline=INK, width=2)  # head
    draw.chord((ox - 40, oy - 12, ox + 40, oy + 40), 180, 360, fill="#fbc02d", outline=INK, width=2)  # helmet
    draw.rounded_rectangle(
        (ox - 46, oy + 14, ox + 46, oy + 86), radius=14, fill="#cfe8ff", outline="#4a90c2", width=3
    )  # face shield
    draw.rounded_rectangle((ox - 70, oy + 92, ox + 70, oy + 250), radius=20, fill="#375a7f", outline=INK, width=2)
    for side in (-1, 1):
        draw.line([(ox + side * 64, oy + 110), (ox + side * 100, oy + 230)], fill="#375a7f", width=28)
        draw.rounded_rectangle(
            (ox + side * 100 - 22, oy + 222, ox + side * 100 + 22, oy + 286),
            radius=10,
            fill="#8d5a2b",
            outline=INK,
            width=2,
        )  # leather protector over rubber glove
        draw.rectangle((ox + side * 100 - 22, oy + 222, ox + side * 100 + 22, oy + 236), fill=RED)  # rubber cuff
        draw.rectangle((ox + side * 34 - 26, oy + 250, ox + side * 34 + 26, oy + 380), fill="#2f4a66", outline=INK)
        draw.rounded_rectangle((ox + side * 34 - 32, oy + 372, ox + side * 34 + 34, oy + 400), radius=8, fill="#222")


def draw_ppe() -> Image.Image:
    image, draw = _canvas("APD dan peralatan kerja tegangan tinggi")
    _person(draw, 190, 80)
    _label(draw, (230, 120), (350, 100), "Pelindung wajah tahan busur\nlistrik + kacamata", "lm")
    _label(draw, (230, 200), (350, 210), "Pakaian katun lengan panjang,\ntanpa logam dan perhiasan", "lm")
    _label(draw, (290, 335), (350, 320), "Sarung tangan isolasi kelas 0\n(label merah) + pelindung kulit", "lm")
    _label(draw, (230, 470), (350, 450), "Sepatu keselamatan\nsol isolasi", "lm")
    _label(draw, (158, 76), (90, 100), "Helm", "rm")
    draw.rounded_rectangle((690, 76, 940, 300), radius=10, fill="white", outline=MUTED, width=2)
    _text(draw, (815, 86), "Alat", 18, ACCENT, "ma")
    draw.rounded_rectangle((706, 120, 800, 142), radius=8, fill=RED, outline=INK)  # insulated screwdriver
    draw.rectangle((800, 128, 880, 134), fill="#9aa3ad")
    draw.polygon([(830, 150), (842, 170), (818, 170)], outline=INK, width=2)
    draw.polygon([(846, 150), (858, 170), (834, 170)], outline=INK, width=2)
    _text(draw, (864, 160), "1000 V", 13, INK, "lm")
    _text(draw, (706, 178), "Alat berisolasi 1000 V\n(IEC 60900)", 14)
    draw.rounded_rectangle((706, 224, 760, 290), radius=6, fill="#fbc02d", outline=INK, width=2)  # meter
    draw.rectangle((714, 232, 752, 250), fill="#dfe9d8")
    _text(draw, (770, 232), "Multimeter CAT III\n1000 V, probe\nberpelindung", 14)
    draw.rounded_rectangle((600, 316, 940, 526), radius=10, fill="#fff8e1", outline="#f9a825", width=2)
    _text(draw, (616, 326), "Uji tiup sarung tangan (setiap hari)", 16, INK)
    steps = [
        "1  Cek kelas dan tanggal uji (maks. 6 bulan)",
        "2  Gulung manset untuk menjebak udara",
        "3  Tekan; dengarkan dan rasakan kebocoran",
        "4  Periksa retak, lubang, goresan, lengket",
        "5  Bocor atau ragu: JANGAN DIPAKAI",
    ]
    for i, step in enumerate(steps):
        _text(draw, (616, 360 + i * 32), step, 15, RED if i == 4 else INK)
    return image


def draw_service_disconnect() -> Image.Image:
    image, draw = _canvas("Mematikan sistem HV dan memastikan nol tegangan")
    steps = [
        "Siapkan manual servis, APD teruji, barikade dan tanda",
        "Sistem OFF (READY mati); kunci pintar jauh / di kotak",
        "Lepas terminal negatif baterai 12 V",
        "Cabut service disconnect (APD lengkap); kunci dan tag",
        "Tunggu waktu pengosongan kapasitor sesuai manual",
        "Uji meter, ukur titik HV = 0 V, uji meter lagi",
        "Mulai bekerja. Pack di dalam tetap bertegangan!",
    ]
    for i, step in enumerate(steps):
        y = 72 + i * 64
        colour = RED if i in (3, 5) else ACCENT
        draw.rounded_rectangle((24, y, 520, y + 52), radius=10, fill="white", outline=colour, width=3)
        draw.ellipse((34, y + 9, 68, y + 43), fill=colour)
        _text(draw, (51, y + 26), str(i + 1), 17, "white", "mm")
        _text(draw, (80, y + 26), step, 15, INK, "lm")
    ox, oy, w, h = 600, 340, 320, 200  # chart origin (bottom-left) and size
    draw.line([(ox, oy - h), (ox, oy), (ox + w, oy)], fill=INK, width=2)
    _text(draw, (ox - 6, oy - h), "400 V", 13, MUTED, "rm")
    _text(draw, (ox - 6, oy - h * 60 / 400), "60 V", 13, RED, "rm")
    draw.line([(ox, oy - h * 60 / 400), (ox + w, oy - h * 60 / 400)], fill=RED, width=1)
    curve = [(ox + t, oy - h * math.exp(-t / 70)) for t in range(0, w, 4)]
    draw.line(curve, fill=HV, width=4)
    _text(draw, (ox + w, oy + 6), "waktu", 13, MUTED, "ra")
    _text(draw, (ox + 40, oy - h - 14), "Tegangan kapasitor DC-link setelah HV diputus", 14, INK, "ld")
    _text(draw, (ox + 150, oy - 120), "jangan sentuh sebelum\ndiukur mendekati 0 V", 14, RED, "la")
    draw.rounded_rectangle((560, 372, 940, 526), radius=10, fill="white", outline=MUTED, width=2)
    _text(draw, (576, 382), "Titik ukur (contoh, ikuti manual):", 15, ACCENT)
    for i, pair in enumerate(["HV+ ke HV-", "HV+ ke bodi (sasis)", "HV- ke bodi (sasis)"]):
        _text(draw, (590, 414 + i * 26), "- " + pair, 15)
    _text(draw, (576, 494), "Uji meter di sumber hidup sebelum & sesudah.", 14, MUTED)
    return image


def draw_insulation_test() -> Image.Image:
    image, draw = _canvas("Konsep uji tahanan isolasi sistem HV")
    draw.rounded_rectangle((40, 130, 170, 330), radius=10, fill=CELL, outline=HV, width=4)
    _text(draw, (105, 230), "Baterai\nHV", 17, INK, "mm")
    draw.line([(170, 160), (520, 160)], fill=HV, width=7)
    draw.line([(170, 300), (520, 300)], fill=HV, width=7)
    _text(draw, (190, 150), "HV+", 15, HV, "ld")
    _text(draw, (190, 312), "HV-", 15, HV, "la")
    _box(draw, (520, 130, 620, 330), "Beban\n(inverter,\nmotor)", fill="white", outline=HV)
    draw.rectangle((40, 440, 640, 456), fill="#9aa3ad")
    for x in range(40, 640, 16):
        draw.line([(x, 456), (x - 10, 470)], fill="#9aa3ad", width=2)
    _text(draw, (340, 476), "Bodi / sasis kendaraan", 15, MUTED, "ma")
    for x, y in ((280, 160), (400, 300)):
        _resistor(draw, (x, y), (x, 440), colour="#8e24aa")
    _text(draw, (292, 330), "R isolasi\nHV+ ke bodi", 13, "#8e24aa", "la")
    _text(draw, (412, 360), "R isolasi\nHV- ke bodi", 13, "#8e24aa", "la")
    draw.rounded_rectangle((660, 110, 930, 270), radius=12, fill="#fbc02d", outline=INK, width=3)
    draw.rectangle((680, 128, 910, 180), fill="#e6eedc", outline=INK)
    _text(draw, (895, 154), "550 MOhm", 24, INK, "rm")
    _text(draw, (690, 190), "Penguji isolasi\ntegangan uji 500 V DC", 15, INK, "la")
    draw.line([(700, 110), (700, 96), (470, 96), (470, 166)], fill=RED, width=3)
    draw.ellipse((464, 154, 476, 166), fill=RED)
    draw.line([(880, 270), (880, 448)], fill=INK, width=3)
    draw.line([(640, 448), (880, 448)], fill=INK, width=3)
    _text(draw, (585, 90), "probe merah ke HV+", 13, RED, "md")
    _text(draw, (760, 430), "probe hitam ke bodi", 13, INK, "ma")
    draw.rounded_rectangle((660, 300, 930, 410), radius=10, fill="white", outline=ACCENT, width=2)
    _text(
        draw,
        (672, 308),
        "Batas minimum (UN R100):\n100 Ohm/V (DC), 500 Ohm/V (AC)\nContoh 400 V: 100 x 400\n= 40 kOhm minimum",
        14,
        INK,
        "la",
    )
    _text(
        draw, (40, 510), "Sistem HV terisolasi dari bodi: saat sehat, tahanan isolasinya sangat besar.", 15, INK, "la"
    )
    return image


IMAGES = {
    "ev-cover": draw_track_cover,
    "ev-course": draw_course_cover,
    "ev-architecture": draw_architecture,
    "ev-battery-pack": draw_battery_pack,
    "ev-thermal-runaway": draw_thermal_runaway,
    "ev-charging-connectors": draw_charging_connectors,
    "ev-ppe": draw_ppe,
    "ev-service-disconnect": draw_service_disconnect,
    "ev-insulation-test": draw_insulation_test,
}

# --------------------------------------------------------------------------------------------------------------------
# Block helpers
# --------------------------------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------------------------------
# Lessons
# --------------------------------------------------------------------------------------------------------------------

LESSON_ARCHITECTURE = [
    text(
        """
        <h2>Apa yang berbeda dari mobil bensin?</h2>
        <p>Mobil listrik baterai (BEV) tidak memiliki mesin bakar, tangki bahan bakar, atau alternator. Energinya
        disimpan di <b>baterai tegangan tinggi</b> (HV, <i>high voltage</i>) dan diubah menjadi gerak oleh motor
        listrik. Bagi teknisi, perbedaan terpenting adalah adanya tegangan DC ratusan volt, di bawah lantai dan di
        ruang depan kendaraan, yang dapat <b>mematikan</b>. Mobil hybrid (HEV dan PHEV) juga memiliki sistem HV
        dan diperlakukan sama.</p>
        """
    ),
    image(
        "ev-architecture",
        "Komponen utama mobil listrik. Garis oranye tebal adalah jalur tegangan tinggi.",
        "Skema tampak atas mobil listrik: port pengisian ke on-board charger dan langsung ke baterai HV untuk DC; "
        "baterai HV ke inverter, motor traksi, kompresor AC, dan konverter DC-DC yang mengisi baterai 12 V.",
    ),
    table(
        "Komponen utama dan catatan keselamatannya",
        ["Komponen", "Fungsi", "Catatan K3"],
        [
            [
                "Baterai HV (traksi)",
                "Menyimpan energi; umumnya 300-800 V DC",
                "Selalu bertegangan, juga saat mobil dimatikan",
            ],
            [
                "Inverter",
                "Mengubah DC baterai menjadi AC tiga fasa untuk motor; saat pengereman regeneratif, sebaliknya",
                "Berisi kapasitor DC-link yang masih menyimpan muatan setelah sistem dimatikan",
            ],
            [
                "Motor traksi",
                "Memutar roda; menjadi generator saat pengereman regeneratif",
                "Motor magnet permanen membangkitkan tegangan jika roda berputar, misalnya saat diderek",
            ],
            [
                "Konverter DC-DC",
                "Menurunkan tegangan HV menjadi sekitar 14 V untuk baterai 12 V (pengganti alternator)",
                "Sisi masuknya adalah HV",
            ],
            [
                "On-board charger (OBC)",
                "Mengubah listrik AC dari jaringan menjadi DC untuk mengisi baterai",
                "Membatasi daya pengisian AC",
            ],
            ["Kompresor AC listrik dan pemanas", "Mendinginkan kabin dan baterai", "Beban HV, kabel oranye"],
            [
                "Baterai 12 V",
                "Mencatu ECU dan lampu; menutup kontaktor HV",
                "Melepas terminal negatifnya membuat kontaktor HV terbuka",
            ],
        ],
    ),
    text(
        """
        <h2>Kabel oranye dan kelas tegangan</h2>
        <p>Kabel dan konektor tegangan tinggi selalu berwarna <b>oranye</b>, dan komponen HV diberi label segitiga
        kuning bersimbol petir. Regulasi kendaraan listrik (misalnya UN R100 dan ISO 6469-3) membagi tegangan
        menjadi dua kelas:</p>
        """
    ),
    table(
        "Kelas tegangan pada kendaraan listrik",
        ["Kelas", "DC", "AC", "Contoh"],
        [
            ["Kelas A", "Sampai 60 V", "Sampai 30 V rms", "Baterai 12 V, sistem 48 V"],
            [
                "Kelas B (tegangan tinggi)",
                "Di atas 60 V sampai 1.500 V",
                "Di atas 30 V sampai 1.000 V rms",
                "Baterai traksi 300-800 V, kabel motor, kompresor AC",
            ],
        ],
    ),
    callout(
        "k3",
        "Anggap sistem HV selalu bertegangan",
        """
        <ul>
        <li>Jangan menyentuh, melepas, memotong, atau menusuk kabel dan konektor oranye tanpa pelatihan, prosedur,
        dan APD.</li>
        <li>Mobil yang "mati" (lampu READY padam) <b>belum tentu aman</b>: baterai tetap bertegangan dan kapasitor
        masih bisa bermuatan.</li>
        <li>Jangan bekerja sendirian pada sistem HV; harus ada pendamping yang tahu cara menolong.</li>
        </ul>
        """,
    ),
    callout(
        "warning",
        "Menderek mobil listrik",
        "<p>Jangan menderek dengan roda penggerak menyentuh jalan, kecuali manual mengizinkan. Motor yang berputar "
        "menjadi generator dan dapat merusak inverter atau membuat sistem bertegangan. Gunakan truk derek "
        "<i>flatbed</i> atau dolly.</p>",
    ),
    quick_check(
        "Anda melihat kabel tebal berwarna oranye di kolong sebuah mobil. Artinya...",
        [
            (
                "Kabel tegangan tinggi (kelas B) yang tidak boleh disentuh tanpa prosedur dan APD",
                True,
                "Benar. Oranye adalah tanda kabel HV; anggap selalu bertegangan.",
            ),
            ("Kabel 12 V untuk lampu belakang", False, "Kabel 12 V tidak diberi warna oranye."),
            (
                "Kabel aman karena mobil sedang dimatikan",
                False,
                "Mematikan mobil tidak mengosongkan baterai HV; kabel bisa tetap bertegangan.",
            ),
        ],
        "<p>Warna oranye dan segitiga kuning bersimbol petir adalah peringatan <b>tegangan tinggi</b>. Pekerjaan pada "
        "komponen ini hanya dilakukan oleh teknisi terlatih, setelah sistem dimatikan dan diverifikasi nol "
        "tegangan.</p>",
    ),
]

LESSON_BATTERY = [
    text(
        """
        <h2>Sel, modul, dan pack</h2>
        <p>Baterai HV tersusun dari ratusan hingga ribuan <b>sel</b> litium-ion, berbentuk silinder, prismatik
        (kotak), atau <i>pouch</i> (kantong). Sel dikelompokkan menjadi <b>modul</b>, dan modul dirangkai menjadi
        <b>pack</b>. Rangkaian <b>seri</b> menaikkan tegangan; rangkaian <b>paralel</b> menaikkan kapasitas (Ah).
        Contoh: 96 sel NMC 3,7 V yang dirangkai seri menghasilkan tegangan nominal sekitar 96 x 3,7 = 355 V.</p>
        """
    ),
    image(
        "ev-battery-pack",
        "Isi pack baterai: modul sel, BMS, kotak sambungan berisi kontaktor, sekring, dan service disconnect.",
        "Ilustrasi pack baterai: delapan modul sel dirangkai seri, service disconnect di tengah rangkaian, BMS, kotak "
        "sambungan berisi kontaktor, pra-isi dan sekring, kabel HV+ dan HV- oranye, dan pelat pendingin di bawah.",
    ),
    text(
        """
        <h3>Komponen di dalam pack</h3>
        <ul>
        <li><b>BMS</b> (<i>Battery Management System</i>): memantau tegangan setiap sel, suhu, arus, dan tahanan
        isolasi; menghitung SoC; memutus kontaktor jika ada bahaya.</li>
        <li><b>Kontaktor utama</b> HV+ dan HV-: saklar besar yang menghubungkan pack ke kendaraan saat READY.
        <b>Rangkaian pra-isi</b> mengisi kapasitor inverter perlahan sebelum kontaktor utama menutup.</li>
        <li><b>Sekring utama</b>: memutus arus hubung singkat.</li>
        <li><b>Service disconnect</b>: colokan yang memutus rangkaian seri di tengah pack untuk pekerjaan
        servis.</li>
        <li><b>Sistem pendingin</b>: pelat berisi cairan pendingin menjaga suhu sel, idealnya sekitar 20-40 °C.</li>
        </ul>
        """
    ),
    table(
        "Dua kimia sel yang paling banyak dipakai",
        ["Aspek", "NMC (nikel-mangan-kobalt)", "LFP (litium-besi-fosfat)"],
        [
            ["Tegangan nominal sel", "Sekitar 3,6-3,7 V", "Sekitar 3,2 V"],
            ["Kepadatan energi", "Lebih tinggi: jarak tempuh lebih jauh untuk berat yang sama", "Lebih rendah"],
            [
                "Stabilitas termal",
                "Thermal runaway terpicu pada suhu lebih rendah",
                "Lebih stabil; suhu picu lebih tinggi dan panas yang dilepas lebih kecil",
            ],
            ["Umur siklus (tipikal)", "Sekitar 1.000-2.000 siklus", "Sekitar 2.000-4.000 siklus atau lebih"],
            ["Bahan", "Mengandung nikel dan kobalt", "Tanpa nikel dan kobalt; lebih murah"],
            [
                "Perkiraan SoC",
                "Kurva tegangan miring, mudah diperkirakan",
                "Kurva tegangan sangat datar; BMS perlu kalibrasi berkala",
            ],
        ],
    ),
    text(
        """
        <p>Indonesia memiliki cadangan nikel terbesar di dunia, bahan baku penting untuk katoda NMC. Namun apa pun
        kimianya, <b>semua baterai litium-ion dapat terbakar</b> dan harus ditangani dengan kehati-hatian yang
        sama.</p>
        <h2>State of Charge (SoC) dan State of Health (SoH)</h2>
        <ul>
        <li><b>SoC</b> adalah sisa muatan dalam persen dari kapasitas yang dapat dipakai. BMS menghitungnya dari arus
        yang masuk dan keluar, dikoreksi dengan tegangan sel.</li>
        <li><b>SoH</b> adalah kapasitas saat ini dibandingkan saat baru, misalnya 90%.</li>
        <li>BMS menyembunyikan cadangan di atas dan di bawah: 0% di layar bukan benar-benar kosong, dan 100% bukan
        benar-benar penuh. Ini melindungi sel.</li>
        <li>Untuk penggunaan harian, banyak pabrikan menyarankan mengisi NMC sampai sekitar 80%; LFP sering disarankan
        sesekali diisi 100% untuk kalibrasi. Selalu ikuti manual kendaraan.</li>
        <li>SoC tinggi berarti energi yang tersimpan lebih besar, sehingga akibat kerusakan atau kebakaran juga lebih
        parah.</li>
        </ul>
        """
    ),
    callout(
        "k3",
        "Pack tidak pernah benar-benar nol",
        "<p>Mencabut service disconnect memisahkan pack menjadi dua bagian, tetapi setiap bagian <b>tetap "
        "bertegangan</b>. Di dalam pack selalu ada tegangan berbahaya. Pack hanya boleh dibuka oleh teknisi yang "
        "bersertifikat khusus, dengan peralatan khusus. Jangan pernah meletakkan alat atau benda logam di atas "
        "pack.</p>",
    ),
    quick_check(
        "Sebuah pack berisi 96 sel NMC (masing-masing 3,7 V) yang semuanya dirangkai seri. Berapa kira-kira tegangan "
        "nominal pack?",
        [
            ("Sekitar 37 V", False, "Itu hanya tegangan sepuluh sel."),
            ("Sekitar 355 V", True, "Benar. Pada rangkaian seri, tegangan dijumlahkan: 96 x 3,7 V = 355,2 V."),
            (
                "Sekitar 3,7 V, karena semua sel sama",
                False,
                "Tegangan tetap 3,7 V hanya berlaku jika sel dirangkai paralel.",
            ),
        ],
        "<p>Seri menjumlahkan tegangan; paralel menjumlahkan kapasitas. Ratusan volt DC dari rangkaian seri inilah "
        "yang membuat baterai traksi berbahaya.</p>",
    ),
]

LESSON_HAZARDS = [
    text(
        """
        <h2>Sengatan listrik</h2>
        <p>Yang melukai tubuh adalah <b>arus</b> yang mengalir melaluinya. Menurut hukum Ohm, I = V / R. Tahanan tubuh
        dari tangan ke tangan kira-kira 1.000-2.000 Ω, dan bisa jauh lebih rendah jika kulit basah atau berkeringat,
        kondisi yang umum di bengkel yang panas dan lembap. Pada 400 V: I = 400 / 1.000 = 0,4 A = 400 mA.</p>
        """
    ),
    table(
        "Perkiraan efek arus AC 50 Hz melalui tubuh (untuk DC ambangnya lebih tinggi, tetapi 400 V DC tetap mematikan)",
        ["Arus", "Efek yang mungkin"],
        [
            ["Sekitar 1 mA", "Mulai terasa"],
            ["Sekitar 10 mA", "Otot kejang; sulit melepaskan pegangan"],
            ["Sekitar 30 mA", "Sulit bernapas"],
            ["Di atas 50 mA melalui dada", "Jantung berdetak tidak teratur (fibrilasi); bisa fatal"],
            ["Ratusan mA (seperti contoh 400 V)", "Luka bakar dalam, henti jantung"],
        ],
    ),
    text(
        """
        <h2>Busur listrik (arc flash)</h2>
        <p>Jika terminal HV+ dan HV- terhubung singkat, misalnya oleh kunci pas yang jatuh, arus ribuan ampere
        mengalir seketika. Terjadi busur listrik dengan cahaya dan panas yang ekstrem, serta percikan logam cair.
        Akibatnya luka bakar dan cedera mata. Inilah alasan kita memakai pelindung wajah, alat berisolasi, dan
        melepas semua perhiasan.</p>
        <h2>Thermal runaway</h2>
        <p>Thermal runaway adalah reaksi berantai di dalam sel: sel memanas, reaksi kimianya menghasilkan panas
        sendiri, suhu naik makin cepat, gas mudah terbakar dan beracun keluar, lalu panas menjalar ke sel di
        sebelahnya. Kebakaran baterai sulit dipadamkan dan bisa menyala kembali.</p>
        """
    ),
    image(
        "ev-thermal-runaway",
        "Rantai thermal runaway, tanda-tanda bahaya, dan tindakan pertama.",
        "Diagram empat langkah dari pemicu sampai api menjalar ke sel lain, daftar enam tanda bahaya seperti asap, "
        "bunyi mendesis, bau pelarut, dan pack menggembung, serta pita merah berisi tindakan: menjauh, hubungi "
        "113 atau 112.",
    ),
    text(
        """
        <h3>Pemicu yang sering terjadi</h3>
        <ul>
        <li>Benturan atau tusukan pada pack, misalnya lantai kendaraan menghantam batu atau tepi jalan.</li>
        <li><b>Terendam banjir</b>, terutama air asin: korosi dan hubung singkat bisa memicu api berjam-jam bahkan
        berhari-hari kemudian.</li>
        <li>Pengisian berlebih atau peralatan pengisian yang rusak.</li>
        <li>Cacat produksi sel, atau panas berlebih karena pendinginan gagal.</li>
        </ul>
        """
    ),
    callout(
        "k3",
        "Jika ada tanda thermal runaway",
        """
        <ol>
        <li>Hentikan pekerjaan, jauhi kendaraan, dan jauhkan orang lain. Berdiri di sisi yang <b>melawan arah
        angin</b>: asapnya beracun.</li>
        <li>Hubungi pemadam kebakaran (<b>113</b>) atau nomor darurat <b>112</b>, dan sebutkan bahwa ini
        <b>kendaraan listrik</b>.</li>
        <li>Jangan membuka pack, jangan mencoba memindahkan kendaraan, dan jangan mengandalkan APAR kecil untuk
        memadamkan baterai.</li>
        <li>Kendaraan yang pernah terbakar, rusak berat, atau terendam banjir dikarantina di luar ruangan, minimal
        sekitar 15 m dari bangunan dan kendaraan lain. Jangan dinyalakan dan jangan diisi daya.</li>
        </ol>
        """,
    ),
    callout(
        "k3",
        "Menolong korban sengatan listrik",
        "<p>Jangan menyentuh korban yang masih terhubung dengan sumber listrik. Putuskan sumbernya jika aman, atau "
        "tarik korban dengan <b>tongkat penyelamat berisolasi</b>. Hubungi 112 atau ambulans 118/119. Lakukan RJP dan "
        "gunakan AED jika Anda terlatih. Setiap korban sengatan HV harus diperiksa dokter, walaupun tampak baik-baik "
        "saja.</p>",
    ),
    quick_check(
        "Sebuah mobil listrik yang kemarin terendam banjir mengeluarkan asap putih dari kolong disertai bunyi "
        "mendesis. Tindakan yang benar adalah...",
        [
            (
                "Membuka penutup pack untuk mencari sel yang rusak",
                False,
                "Membuka pack yang sedang runaway sangat berbahaya: ada gas beracun, api, dan tegangan tinggi.",
            ),
            (
                "Menyemprot dengan APAR kecil, lalu melanjutkan pekerjaan setelah asap hilang",
                False,
                "APAR kecil tidak menghentikan reaksi di dalam sel, dan baterai bisa menyala kembali.",
            ),
            (
                "Menjauh, menjauhkan orang, menghubungi 113 atau 112, dan menyebutkan bahwa ini kendaraan listrik",
                True,
                "Benar. Ini tanda thermal runaway; keselamatan orang lebih dulu, dan pemadam perlu tahu jenis "
                "kendaraannya.",
            ),
        ],
        "<p>Asap, bunyi mendesis, dan bau tajam dari baterai adalah tanda <b>thermal runaway</b>. Tugas Anda: "
        "<b>menjauh, mengamankan orang, dan memanggil bantuan</b>.</p>",
    ),
]

LESSON_PPE = [
    text(
        """
        <h2>APD adalah lapisan perlindungan terakhir</h2>
        <p>Perlindungan utama adalah <b>mematikan sistem HV dan memastikan nol tegangan</b>. APD melindungi Anda
        selama langkah-langkah yang masih berisiko: mencabut service disconnect, mengukur tegangan, dan bekerja di
        dekat komponen yang mungkin masih bertegangan. APD yang rusak atau salah kelas memberi rasa aman yang
        palsu.</p>
        """
    ),
    image(
        "ev-ppe",
        "APD untuk pekerjaan HV, alat berisolasi 1000 V, multimeter CAT III, dan langkah uji tiup sarung tangan.",
        "Teknisi memakai helm, pelindung wajah, pakaian lengan panjang, sarung tangan isolasi kelas 0 berlabel merah "
        "dengan pelindung kulit, dan sepatu keselamatan. Di kanan: obeng berisolasi 1000 V, multimeter, dan lima "
        "langkah uji tiup sarung tangan.",
    ),
    table(
        "APD dan peralatan kerja HV",
        ["APD atau alat", "Spesifikasi", "Periksa sebelum dipakai"],
        [
            [
                "Sarung tangan isolasi karet",
                "Kelas 0 (IEC 60903 / ASTM D120): tegangan kerja maks. 1.000 V AC / 1.500 V DC; label merah",
                "Uji tiup; tanggal uji laboratorium tidak lebih dari 6 bulan",
            ],
            [
                "Sarung tangan pelindung kulit",
                "Dipakai di luar sarung tangan karet",
                "Tidak sobek; bebas oli dan serpihan logam",
            ],
            ["Pelindung wajah", "Tahan busur listrik, dipakai bersama kacamata keselamatan", "Tidak retak, bersih"],
            [
                "Pakaian kerja",
                "Katun atau tahan busur, lengan panjang; tanpa cincin, jam, kalung",
                "Bahan sintetis bisa meleleh saat busur listrik",
            ],
            ["Sepatu keselamatan", "Sol isolasi (EH)", "Sol tidak aus atau tertusuk"],
            ["Alat tangan berisolasi", "1000 V, IEC 60900, bersimbol segitiga ganda", "Isolasi tidak retak/terkelupas"],
            [
                "Multimeter",
                "CAT III 1000 V atau CAT IV 600 V, probe berpelindung",
                "Diuji pada sumber tegangan yang diketahui",
            ],
            ["Tongkat penyelamat", "Berisolasi, siap di dekat area kerja", "Ada dan tidak rusak"],
            ["Barikade dan tanda", "Rantai atau kerucut, papan BAHAYA TEGANGAN TINGGI", "Area kerja tertutup"],
        ],
    ),
    text(
        """
        <h3>Uji tiup sarung tangan isolasi (setiap hari, sebelum dipakai)</h3>
        <ol>
        <li>Periksa label: kelas 0 dan tanggal uji laboratorium terakhir (maksimal 6 bulan).</li>
        <li>Gulung manset sarung tangan dari bawah ke arah jari untuk menjebak udara di dalamnya, atau gunakan pompa
        khusus sarung tangan. Jangan menggelembungkan berlebihan.</li>
        <li>Tekan bagian yang menggelembung. Dengarkan desis udara dan rasakan dengan pipi atau dekatkan ke
        telinga.</li>
        <li>Periksa seluruh permukaan, termasuk sela jari: retak, sobek, lubang, goresan dalam, bagian lengket atau
        menggelembung, perubahan warna, dan noda oli atau bahan kimia.</li>
        <li>Jika bocor, rusak, atau Anda ragu: tandai <b>RUSAK</b>, pisahkan, dan jangan dipakai.</li>
        </ol>
        <p>Simpan sarung tangan di tas khususnya, tidak dilipat, jauh dari sinar matahari, panas, dan benda
        tajam.</p>
        """
    ),
    callout(
        "k3",
        "Kelas yang tepat, tidak ditawar",
        """
        <ul>
        <li>Sarung tangan kelas 00 hanya untuk 500 V AC / 750 V DC, sehingga <b>tidak cukup</b> untuk sistem 800 V.
        Gunakan minimal kelas 0.</li>
        <li>Sarung tangan karet selalu dilapisi pelindung kulit. Pelindung kulit saja bukan isolator.</li>
        <li>Lepaskan cincin, jam tangan, kalung, dan gantungan kunci sebelum mulai bekerja.</li>
        <li>Selalu ada pendamping terlatih yang siap memutus energi dan menolong.</li>
        </ul>
        """,
    ),
    quick_check(
        "Saat uji tiup, sarung tangan isolasi kelas 0 Anda mengeluarkan desis kecil di sela jari. Apa yang Anda "
        "lakukan?",
        [
            (
                "Menandainya RUSAK, tidak memakainya, dan mengambil pasangan lain yang lulus uji",
                True,
                "Benar. Lubang sekecil apa pun menghilangkan perlindungan isolasi.",
            ),
            (
                "Tetap memakainya, karena sudah dilapisi sarung tangan kulit",
                False,
                "Sarung tangan kulit bukan isolator; ia hanya melindungi karet dari kerusakan mekanis.",
            ),
            (
                "Menambal lubangnya dengan selotip isolasi",
                False,
                "Sarung tangan isolasi tidak boleh ditambal. Tambalan tidak teruji untuk tegangan tinggi.",
            ),
        ],
        "<p>Uji tiup dilakukan <b>setiap kali</b> sebelum dipakai. Jika ragu, jangan dipakai.</p>",
    ),
]

LESSON_DISCONNECT = [
    text(
        """
        <h2>Tujuan: nol tegangan yang terbukti</h2>
        <p>Sebelum mengerjakan komponen HV seperti inverter, kompresor AC, atau kabel oranye, sistem harus
        <b>dimatikan, dikunci, dan dibuktikan nol tegangan</b>. Urutan umumnya sama untuk kebanyakan kendaraan,
        tetapi detailnya berbeda: letak service disconnect, waktu tunggu, dan titik ukur <b>selalu diambil dari
        manual servis kendaraan tersebut</b>.</p>
        """
    ),
    image(
        "ev-service-disconnect",
        "Tujuh langkah mematikan sistem HV, kurva pengosongan kapasitor, dan titik ukur nol tegangan.",
        "Daftar tujuh langkah bernomor dari persiapan sampai mulai bekerja; grafik tegangan kapasitor DC-link yang "
        "turun dari 400 V melewati batas 60 V menuju nol; kotak titik ukur HV+ ke HV-, HV+ ke bodi, dan HV- ke bodi.",
    ),
    text(
        """
        <h3>Urutan kerja</h3>
        <ol>
        <li><b>Persiapan</b>: baca manual servis, lakukan uji tiup sarung tangan, periksa multimeter, pasang
        barikade dan papan peringatan. Tentukan pendamping.</li>
        <li><b>Matikan sistem</b>: tuas di P, rem parkir aktif, lampu READY padam. Simpan kunci pintar jauh dari
        kendaraan (misalnya lebih dari 5 m) atau di kotak kunci, agar sistem tidak bisa aktif tanpa sengaja.</li>
        <li><b>Lepas terminal negatif baterai 12 V</b> dan isolasi ujungnya. Tanpa 12 V, kontaktor HV tidak bisa
        menutup.</li>
        <li><b>Cabut service disconnect</b> dengan APD lengkap. Simpan di saku Anda atau di kotak terkunci, tutup
        soketnya, dan pasang gembok serta tag bertuliskan nama Anda.</li>
        <li><b>Tunggu</b> waktu yang ditentukan manual (sering 5-10 menit) agar kapasitor DC-link di inverter dan
        komponen lain kosong.</li>
        <li><b>Verifikasi nol tegangan</b>: uji multimeter pada sumber yang diketahui (misalnya <i>proving unit</i>
        atau baterai 12 V), ukur
        di titik yang ditentukan manual, lalu uji multimeter lagi pada sumber tadi. Metode uji-ukur-uji ini
        memastikan meter tidak rusak di tengah pengukuran.</li>
        <li><b>Mulai bekerja</b>, dengan tetap mengingat bahwa pack di dalamnya masih bertegangan.</li>
        </ol>
        <h3>Mengapa harus menunggu dan mengukur?</h3>
        <p>Inverter memiliki kapasitor DC-link yang besar. Setelah kontaktor terbuka, kapasitor masih bisa menyimpan
        ratusan volt. Rangkaian pengosongan biasanya menurunkannya dengan cepat, tetapi rangkaian itu bisa rusak.
        Hanya pengukuran yang membuktikan tegangan sudah turun mendekati 0 V, jauh di bawah batas 60 V DC.</p>
        """
    ),
    code(
        "text",
        """
        LEMBAR VERIFIKASI NOL TEGANGAN
        Kendaraan / No. rangka : ______________   Tanggal    : __________
        Teknisi                : ______________   Pendamping : __________

        [ ] Manual servis dibaca. Letak service disconnect: ______________
        [ ] Uji tiup sarung tangan kelas 0: LULUS. Tanggal uji lab: ______
        [ ] READY OFF, tuas P, kunci pintar > 5 m / di kotak kunci
        [ ] Terminal negatif 12 V dilepas dan diisolasi
        [ ] Service disconnect dicabut, disimpan; gembok dan tag terpasang
        [ ] Waktu tunggu sesuai manual: ___ menit  (mulai __:__ selesai __:__)
        [ ] Uji meter pada sumber hidup (baterai 12 V)  : ______ V
            HV+ ke HV-                                  : ______ V
            HV+ ke bodi                                 : ______ V
            HV- ke bodi                                 : ______ V
        [ ] Uji meter lagi pada sumber hidup            : ______ V
        Hasil: NOL TEGANGAN TERBUKTI  [ ] Ya  [ ] Tidak -> hentikan, lapor

        Tanda tangan teknisi: __________   Pendamping: __________
        """,
        "Contoh lembar kerja yang diisi sebelum menyentuh komponen HV.",
    ),
    callout(
        "k3",
        "Service disconnect adalah kunci Anda",
        "<p>Service disconnect yang dicabut dipegang oleh teknisi yang bekerja, bukan diletakkan di atas kendaraan. "
        "Pasang tag <b>JANGAN DIOPERASIKAN - SEDANG DIKERJAKAN</b> di setir atau kabin. Hanya orang yang memasang "
        "gembok yang boleh melepasnya.</p>",
    ),
    callout(
        "warning",
        "Jangan menebak",
        "<p>Letak service disconnect berbeda-beda: di bawah jok belakang, di bagasi, atau di kolong. Beberapa "
        "kendaraan memakai sekring servis atau titik potong khusus untuk petugas darurat. Jika manual tidak ada, "
        "<b>jangan mulai bekerja</b>.</p>",
    ),
    quick_check(
        "Service disconnect sudah dicabut. Mengapa Anda masih harus menunggu dan mengukur sebelum menyentuh terminal "
        "inverter?",
        [
            (
                "Agar baterai 12 V terisi kembali",
                False,
                "Baterai 12 V sudah dilepas; ia tidak ada hubungannya dengan waktu tunggu.",
            ),
            (
                "Kapasitor DC-link di inverter masih dapat menyimpan tegangan berbahaya",
                True,
                "Benar. Kapasitor perlu waktu untuk kosong, dan hanya pengukuran yang membuktikan tegangannya sudah "
                "turun.",
            ),
            (
                "Agar motor traksi dingin",
                False,
                "Komponen panas memang perlu diwaspadai, tetapi alasan utama menunggu adalah muatan kapasitor.",
            ),
        ],
        "<p>Ingat urutannya: <b>matikan, kunci, tunggu, ukur</b> (uji-ukur-uji). Jangan pernah melewatkan "
        "pengukuran.</p>",
    ),
]

LESSON_INSULATION = [
    text(
        """
        <h2>Sistem HV yang terisolasi</h2>
        <p>Pada kendaraan listrik, HV+ dan HV- <b>tidak tersambung ke bodi</b> (sasis). Sistem ini disebut sistem
        terisolasi atau mengambang. Jika hanya satu kutub yang menyentuh bodi karena isolasinya rusak, belum ada arus
        yang mengalir. Tetapi jika ada kerusakan kedua, atau seseorang menyentuh bodi dan kutub yang lain, arus
        berbahaya dapat mengalir melalui tubuh.</p>
        <p>Karena itu BMS terus memantau <b>tahanan isolasi</b> antara sistem HV dan bodi. Jika nilainya turun,
        muncul peringatan <i>isolation fault</i>, dan kendaraan bisa menolak masuk mode READY atau menolak
        pengisian.</p>
        """
    ),
    image(
        "ev-insulation-test",
        "Konsep uji isolasi: penguji isolasi memberi tegangan DC antara konduktor HV dan bodi, lalu menampilkan "
        "tahanannya.",
        "Skema baterai HV dengan kabel HV+ dan HV- ke beban, tahanan isolasi digambarkan sebagai resistor ke bodi, "
        "penguji isolasi dengan probe merah ke HV+ dan probe hitam ke bodi menunjukkan 550 MOhm, serta batas minimum "
        "UN R100.",
    ),
    text(
        """
        <h3>Cara kerja uji tahanan isolasi</h3>
        <p><b>Penguji isolasi</b> (sering disebut megger) memberi tegangan uji DC, misalnya 500 V atau 1.000 V sesuai
        manual, antara konduktor HV dan bodi. Alat mengukur arus bocor yang sangat kecil dan menampilkan tahanan
        dalam megaohm (MΩ). Multimeter biasa tidak bisa menggantikannya, karena tegangan ukurnya hanya beberapa volt
        sehingga isolasi yang hanya bocor pada tegangan tinggi tidak terdeteksi.</p>
        <h3>Garis besar langkahnya</h3>
        <ol>
        <li>Kerjakan hanya setelah sistem dimatikan dan <b>terbukti nol tegangan</b>.</li>
        <li>Lepas atau isolasi komponen sesuai manual, karena tegangan uji dapat merusak elektronik.</li>
        <li>Pilih tegangan uji sesuai manual. Jepit probe hitam ke titik bodi yang bersih dan tidak dicat.</li>
        <li>Sentuhkan probe merah ke konduktor HV+, jalankan uji selama waktu yang ditentukan, lalu catat
        hasilnya.</li>
        <li>Biarkan penguji mengosongkan muatan sebelum probe dilepas. Ulangi untuk HV-.</li>
        </ol>
        """
    ),
    table(
        "Batas minimum tahanan isolasi (UN R100) dan contoh perhitungan",
        ["Sistem", "Rangkaian DC (100 Ω/V)", "Rangkaian AC (500 Ω/V)"],
        [
            ["400 V", "100 x 400 = 40 kΩ", "500 x 400 = 200 kΩ"],
            ["800 V", "100 x 800 = 80 kΩ", "500 x 800 = 400 kΩ"],
        ],
    ),
    text(
        """
        <p>Nilai di atas adalah batas minimum regulasi. Sistem yang sehat biasanya menunjukkan ratusan megaohm atau
        lebih, dan batas servis dari pabrikan sering jauh lebih tinggi. <b>Ikuti nilai di manual.</b></p>
        <h3>Penyebab tahanan isolasi turun</h3>
        <ul>
        <li>Air masuk: banjir, atau mencuci ruang motor dengan semprotan bertekanan tinggi.</li>
        <li>Kabel oranye tergesek bodi atau klem yang lepas.</li>
        <li>Kebocoran cairan pendingin di dalam pack atau inverter.</li>
        <li>Konektor kotor atau berkarat.</li>
        </ul>
        """
    ),
    callout(
        "k3",
        "Penguji isolasi menghasilkan tegangan tinggi",
        "<p>Selama pengujian, ujung probe dan konduktor yang diuji bertegangan sampai 1.000 V. Jangan menyentuhnya, "
        "beri tahu orang di sekitar, dan jangan pernah menguji sistem yang belum dibuktikan nol tegangan.</p>",
    ),
    quick_check(
        "Pada sistem 400 V, tahanan isolasi HV+ ke bodi terukur 20 kΩ. Batas minimumnya 100 Ω/V. Apa kesimpulannya?",
        [
            (
                "Lulus, karena 20 kΩ lebih besar dari 100 Ω",
                False,
                "Batasnya adalah 100 Ω untuk setiap volt tegangan sistem, bukan 100 Ω total.",
            ),
            (
                "Tidak bisa disimpulkan tanpa membuka pack",
                False,
                "Hasil ukur dan batas minimum sudah cukup untuk menyimpulkan bahwa isolasi tidak memenuhi syarat.",
            ),
            (
                "Tidak lulus: batas minimumnya 100 x 400 = 40 kΩ",
                True,
                "Benar. 20 kΩ berada di bawah 40 kΩ; cari penyebab kebocoran isolasi sebelum kendaraan dipakai.",
            ),
        ],
        "<p>Kalikan batas Ω/V dengan tegangan sistem. Selalu bandingkan juga dengan <b>batas servis di manual</b>, "
        "yang biasanya lebih ketat.</p>",
    ),
]

LESSON_CHARGING = [
    text(
        """
        <h2>Pengisian AC dan DC</h2>
        <p>Baterai hanya bisa diisi dengan arus <b>DC</b>. Saat mengisi dari listrik <b>AC</b> (stopkontak rumah atau
        wallbox), listrik AC diubah menjadi DC oleh <b>on-board charger</b> (OBC) di dalam mobil, sehingga dayanya
        dibatasi oleh kemampuan OBC. Pada pengisian cepat <b>DC</b>, pengubahan AC ke DC dilakukan di dalam mesin
        pengisi (SPKLU). Arus DC masuk langsung ke baterai lewat kontaktor, sementara BMS terus mengatur besar arus
        yang diizinkan.</p>
        """
    ),
    image(
        "ev-charging-connectors",
        "Konektor Type 2 untuk AC dan CCS2 untuk DC, serta tiga mode pengisian.",
        "Gambar muka konektor Type 2 dengan pin PP, CP, N, PE, L1, L2, L3, dan konektor CCS2 dengan PP, CP, PE di "
        "atas dan dua pin besar DC+ dan DC- di bawah. Di kanan: Mode 2 sekitar 2 kW, Mode 3 AC 3,7-22 kW, Mode 4 DC "
        "50-200+ kW.",
    ),
    table(
        "Mode pengisian dan perkiraan waktu (contoh: menambah 36 kWh, dari 20% ke 80% baterai 60 kWh)",
        ["Mode", "Peralatan", "Daya tipikal", "Perkiraan waktu"],
        [
            [
                "Mode 2",
                "Charger portabel ke stopkontak rumah, dengan kotak pengaman di kabel",
                "Sekitar 2 kW",
                "Sekitar 18 jam",
            ],
            [
                "Mode 3 (AC)",
                "Wallbox atau SPKLU AC, konektor Type 2",
                "7 kW (1 fasa) sampai 22 kW (3 fasa)",
                "Sekitar 5-6 jam pada 7 kW",
            ],
            [
                "Mode 4 (DC)",
                "SPKLU pengisian cepat, konektor CCS2",
                "50 kW sampai lebih dari 150 kW",
                "Sekitar 45-60 menit pada 50 kW",
            ],
        ],
    ),
    text(
        """
        <ul>
        <li>Sebagian besar mobil listrik baru di Indonesia memakai soket <b>Type 2</b> untuk AC dan <b>CCS2</b> untuk
        DC. Soket CCS2 di mobil juga menerima colokan Type 2. Beberapa SPKLU juga menyediakan CHAdeMO atau GB/T untuk
        model tertentu.</li>
        <li>Pin <b>CP</b> (<i>control pilot</i>) dan <b>PP</b> (<i>proximity pilot</i>) dipakai untuk komunikasi:
        daya baru mengalir setelah mobil dan pengisi saling "bersalaman", dan konektor dikunci selama pengisian.</li>
        <li>Pengisian DC melambat di atas sekitar 80% SoC untuk melindungi sel; karena itu pengisian cepat biasanya
        dihentikan di 80%.</li>
        <li>Instalasi wallbox di rumah atau bengkel dikerjakan oleh instalatir bersertifikat, dengan MCB, pengaman
        arus bocor, pembumian yang baik, dan daya PLN yang cukup.</li>
        </ul>
        """
    ),
    callout(
        "k3",
        "Mengisi daya dengan aman",
        """
        <ul>
        <li>Sebelum mencolok, periksa kabel dan konektor: tidak retak, tidak ada pin yang gosong atau berubah
        warna.</li>
        <li>Charger portabel dicolok langsung ke stopkontak yang dibumikan, <b>tanpa kabel roll</b> atau adaptor.</li>
        <li>Jangan mengisi daya di area yang tergenang atau pada kendaraan bekas banjir yang belum diperiksa.</li>
        <li>Hentikan pengisian dari layar mobil atau mesin SPKLU sebelum mencabut konektor. Jika tercium bau hangus
        atau colokan terasa sangat panas, hentikan dan tekan tombol darurat di SPKLU.</li>
        </ul>
        """,
    ),
    quick_check(
        "Mobil dengan OBC 7,4 kW dicolokkan ke wallbox AC 22 kW. Berapa daya pengisian maksimumnya?",
        [
            (
                "7,4 kW, karena dibatasi oleh OBC",
                True,
                "Benar. Pada pengisian AC, pengubahan ke DC dilakukan OBC di dalam mobil, jadi OBC menentukan "
                "batasnya.",
            ),
            (
                "22 kW, sesuai kemampuan wallbox",
                False,
                "Wallbox hanya menyediakan AC; mobil tidak bisa menyerap lebih dari kemampuan OBC-nya.",
            ),
            ("29,4 kW, jumlah keduanya", False, "Daya tidak dijumlahkan; yang berlaku adalah nilai yang terkecil."),
        ],
        "<p>Pada pengisian AC, daya dibatasi oleh <b>yang terkecil</b> di antara wallbox, kabel, dan OBC. Pada "
        "pengisian DC, batasnya adalah SPKLU dan izin dari BMS.</p>",
    ),
]

# --------------------------------------------------------------------------------------------------------------------
# Track
# --------------------------------------------------------------------------------------------------------------------

TRACK = {
    "slug": "otomotif-kendaraan-listrik",
    "title": "Otomotif Kendaraan Listrik",
    "short_description": (
        "Teknologi dan keselamatan kendaraan listrik: sistem tegangan tinggi, baterai, pengisian daya, dan prosedur "
        "kerja aman di bengkel."
    ),
    "intro": html(
        """
        <p>Kendaraan listrik berkembang pesat di Indonesia, dan bengkel, dealer, serta industri baterai membutuhkan
        teknisi yang memahami <b>sistem tegangan tinggi</b>.</p>
        <p>Jalur ini mendahulukan <b>keselamatan</b>: sebelum menyentuh kabel oranye, Anda harus mengenali bahayanya,
        memakai APD yang benar, dan mampu membuktikan bahwa sistem sudah bebas tegangan.</p>
        """
    ),
    "icon": "ev",
    "colour": ACCENT,
    "image": "ev-cover",
    "courses": [
        {
            "slug": "keselamatan-tegangan-tinggi-kendaraan-listrik",
            "title": "Keselamatan Kerja Tegangan Tinggi pada Kendaraan Listrik",
            "summary": (
                "Kursus wajib sebelum bekerja pada kendaraan listrik dan hybrid. Peserta mengenal arsitektur "
                "kendaraan listrik, kelas tegangan dan kabel oranye, baterai HV (NMC dan LFP, SoC), bahaya sengatan "
                "listrik, busur listrik, dan thermal runaway, lalu berlatih memilih dan memeriksa APD (sarung tangan "
                "isolasi kelas 0 dengan uji tiup, pelindung wajah, alat 1000 V), mencabut service disconnect dan "
                "membuktikan nol tegangan, memahami konsep uji tahanan isolasi, serta mengenal pengisian daya AC dan "
                "DC dengan konektor Type 2 dan CCS2."
            ),
            "outcomes": [
                "Menjelaskan fungsi baterai HV, inverter, motor, konverter DC-DC, dan on-board charger.",
                "Mengenali kabel oranye, simbol peringatan, dan kelas tegangan A dan B.",
                "Membandingkan sel NMC dan LFP serta menjelaskan SoC dan SoH.",
                "Mengenali tanda thermal runaway dan mengambil tindakan pertama yang benar.",
                "Memilih, memeriksa, dan memakai APD kerja HV, termasuk uji tiup sarung tangan kelas 0.",
                "Melakukan urutan service disconnect dan verifikasi nol tegangan dengan metode uji-ukur-uji.",
                "Menjelaskan konsep uji tahanan isolasi dan menghitung batas minimumnya.",
                "Membedakan pengisian AC dan DC serta konektor Type 2 dan CCS2.",
            ],
            "kkni_level": 3,
            "jp_hours": 72,
            "sequential": True,
            "image": "ev-course",
            "modules": [
                {
                    "slug": "mengenal-sistem-tegangan-tinggi",
                    "title": "Mengenal Sistem Tegangan Tinggi dan Bahayanya",
                    "intro": html(
                        """
                        <p>Kenali komponen kendaraan listrik, isi baterai tegangan tinggi, dan tiga bahaya utama:
                        sengatan listrik, busur listrik, dan thermal runaway.</p>
                        """
                    ),
                    "lessons": [
                        {
                            "slug": "arsitektur-dan-kelas-tegangan",
                            "title": "Arsitektur kendaraan listrik dan kelas tegangan",
                            "minutes": 30,
                            "required": True,
                            "body": LESSON_ARCHITECTURE,
                        },
                        {
                            "slug": "baterai-hv-kimia-sel-dan-soc",
                            "title": "Baterai HV: sel, modul, pack, kimia NMC dan LFP, serta SoC",
                            "minutes": 35,
                            "required": True,
                            "body": LESSON_BATTERY,
                        },
                        {
                            "slug": "bahaya-listrik-dan-thermal-runaway",
                            "title": "Sengatan listrik, busur listrik, dan thermal runaway",
                            "minutes": 35,
                            "required": True,
                            "body": [*LESSON_HAZARDS, *interactive.EV_HAZARDS],
                        },
                    ],
                },
                {
                    "slug": "prosedur-kerja-aman-hv",
                    "title": "Prosedur Kerja Aman pada Sistem HV",
                    "intro": html(
                        """
                        <p>Dari APD sampai bukti nol tegangan: langkah-langkah yang wajib dilakukan sebelum dan selama
                        bekerja pada komponen tegangan tinggi, ditutup dengan pengisian daya yang aman.</p>
                        """
                    ),
                    "lessons": [
                        {
                            "slug": "apd-dan-alat-kerja-hv",
                            "title": "APD dan alat kerja tegangan tinggi",
                            "minutes": 35,
                            "required": True,
                            "body": LESSON_PPE,
                        },
                        {
                            "slug": "service-disconnect-dan-verifikasi-nol-tegangan",
                            "title": "Service disconnect dan verifikasi nol tegangan",
                            "minutes": 40,
                            "required": True,
                            "body": LESSON_DISCONNECT,
                        },
                        {
                            "slug": "konsep-uji-tahanan-isolasi",
                            "title": "Konsep uji tahanan isolasi",
                            "minutes": 30,
                            "required": True,
                            "body": LESSON_INSULATION,
                        },
                        {
                            "slug": "pengisian-daya-ac-dan-dc",
                            "title": "Pengisian daya AC dan DC (pengayaan)",
                            "minutes": 25,
                            "required": False,
                            "body": LESSON_CHARGING,
                        },
                    ],
                },
            ],
        }
    ],
}
