"""Demo track "Teknologi Garmen dan Fesyen": operating an industrial single-needle lockstitch machine safely."""

import math

from PIL import Image, ImageDraw, ImageFont

from lms.demo.content import interactive
from lms.demo.content.blocks import callout, html, image, quick_check, table, text

# --------------------------------------------------------------------------------------------------------------------
# Drawing helpers (images are drawn locally with Pillow; the bundled font has no en dash, arrows or Greek letters)
# --------------------------------------------------------------------------------------------------------------------

W, H = 960, 540
ACCENT = "#9b2c6e"
BG = "#fbfaf7"
INK = "#22252a"
MUTED = "#5f646b"
BODY = "#e6e1d6"
METAL = "#b9bec5"
WOOD = "#b58b5c"
UPPER = "#1f5fbf"  # upper (needle) thread in diagrams
LOWER = "#d9730d"  # bobbin thread in diagrams
GOOD = "#1b7f3b"
BAD = "#c0392b"


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def _canvas(title: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (W, H), BG)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, W, 54), fill=ACCENT)
    draw.text((24, 27), title, font=_font(25), fill="white", anchor="lm")
    return image, draw


def _text(draw, xy, text, size=16, fill=INK, anchor="la"):
    draw.multiline_text(xy, text, font=_font(size), fill=fill, anchor=anchor, spacing=4)


def _label(draw, target, at, text, anchor="lm", size=16):
    """A dot on the part, a leader line, and the label placed at `at` (offset away from the line by its anchor)."""
    draw.line([target, at], fill=INK, width=2)
    draw.ellipse((target[0] - 4, target[1] - 4, target[0] + 4, target[1] + 4), fill=INK)
    dx = {"l": 6, "r": -6}.get(anchor[0], 0)
    dy = {"b": -4, "t": 4}.get(anchor[1], 0) if anchor[0] == "m" else 0
    _text(draw, (at[0] + dx, at[1] + dy), text, size, anchor=anchor)


def _arrow(draw, start, end, fill=INK, width=3, head=12):
    draw.line([start, end], fill=fill, width=width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    points = [end]
    for side in (-0.45, 0.45):
        points.append((end[0] - head * math.cos(angle + side), end[1] - head * math.sin(angle + side)))
    draw.polygon(points, fill=fill)


def _badge(draw, centre, number, fill=ACCENT, radius=13):
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill, outline="white", width=2)
    draw.text((x, y), str(number), font=_font(15), fill="white", anchor="mm")


def _check_mark(draw, box, ok=True):
    x0, y0, x1, y1 = box
    draw.rectangle(box, outline=INK, width=2, fill="white")
    if ok:
        draw.line([(x0 + 4, (y0 + y1) / 2), ((x0 + x1) / 2 - 1, y1 - 5), (x1 - 3, y0 + 3)], fill=GOOD, width=4)


def _machine(draw):
    """Front view of a single-needle lockstitch machine on its table (fixed coordinates on the 960x540 canvas)."""
    draw.rectangle((44, 410, 60, 540), fill="#8a6a45")
    draw.rectangle((900, 410, 916, 540), fill="#8a6a45")
    draw.rectangle((30, 392, 930, 410), fill=WOOD, outline="#7a5a35")
    draw.rounded_rectangle((190, 352, 735, 394), radius=6, fill=BODY, outline=INK, width=2)  # bed
    draw.rounded_rectangle((590, 150, 720, 360), radius=10, fill=BODY, outline=INK, width=2)  # pillar
    draw.rounded_rectangle((210, 130, 720, 212), radius=16, fill=BODY, outline=INK, width=2)  # arm
    draw.rounded_rectangle((200, 122, 330, 300), radius=14, fill=BODY, outline=INK, width=2)  # head
    draw.rectangle((592, 152, 700, 210), fill=BODY)
    draw.line([(200, 200), (166, 205)], fill=INK, width=6)  # take-up lever
    draw.ellipse((160, 199, 172, 211), outline=INK, width=3)
    draw.ellipse((332, 182, 358, 208), fill=METAL, outline=INK, width=2)  # tension assembly
    draw.ellipse((340, 190, 350, 200), fill=INK)
    draw.rectangle((254, 300, 262, 332), fill=METAL, outline=INK)  # needle bar
    draw.rectangle((250, 330, 266, 338), fill=METAL, outline=INK)
    draw.line([(258, 338), (258, 366)], fill=INK, width=2)  # needle
    draw.rectangle((280, 300, 287, 346), fill=METAL, outline=INK)  # presser bar
    draw.polygon([(242, 346), (300, 346), (300, 352), (238, 352)], fill=METAL, outline=INK)  # presser foot
    draw.line([(290, 320), (236, 320), (236, 346)], fill="#3d4046", width=3)  # finger guard
    draw.rectangle((225, 349, 340, 355), fill=METAL, outline=INK)  # needle plate
    draw.ellipse((631, 226, 679, 274), fill="white", outline=INK, width=2)  # stitch length dial
    for i in range(6):
        a = math.radians(200 + i * 28)
        draw.line([(655 + 17 * math.cos(a), 250 + 17 * math.sin(a)), (655 + 22 * math.cos(a), 250 + 22 * math.sin(a))])
    draw.line([(655, 250), (655 + 14 * math.cos(math.radians(260)), 250 + 14 * math.sin(math.radians(260)))], width=3)
    draw.line([(630, 300), (580, 320)], fill="#3d4046", width=9)  # reverse lever
    draw.ellipse((570, 312, 588, 330), fill="#3d4046")
    draw.rounded_rectangle((720, 148, 752, 262), radius=8, fill="#8a8f96", outline=INK, width=2)  # handwheel
    draw.rectangle((760, 372, 815, 392), fill=BODY, outline=INK)  # bobbin winder
    draw.ellipse((777, 352, 797, 372), fill=LOWER, outline=INK)
    draw.line([(905, 392), (905, 76)], fill="#555", width=4)  # thread stand
    draw.line([(860, 76), (945, 76)], fill="#555", width=4)
    draw.polygon([(886, 392), (924, 392), (917, 322), (893, 322)], fill=UPPER, outline=INK)
    draw.rounded_rectangle((580, 420, 720, 478), radius=6, fill="#5a6068")  # servo motor
    draw.text((650, 449), "Motor servo", font=_font(15), fill="white", anchor="mm")
    draw.rectangle((740, 414, 790, 440), fill="#3d4046")  # power switch
    draw.rectangle((756, 419, 774, 435), fill="#2ecc71")
    draw.line([(290, 410), (290, 440)], fill="#3d4046", width=4)  # knee lifter
    draw.rounded_rectangle((276, 440, 304, 486), radius=6, fill="#3d4046")
    draw.polygon([(335, 508), (455, 514), (460, 530), (330, 530)], fill="#3d4046")  # pedal
    draw.line([(450, 512), (600, 478)], fill="#3d4046", width=3)


def _smooth(points, steps=12):
    """Catmull-Rom curve through the given points, as a polyline."""
    pts = [points[0], *points, points[-1]]
    out = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for step in range(steps):
            t = step / steps
            out.append(
                tuple(
                    0.5 * (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - d) * t**2 + (3 * b - a - 3 * c + d) * t**3)
                    for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
                )
            )
    out.append(points[-1])
    return out


def _cover(title: str, subtitle: str) -> Image.Image:
    image = Image.new("RGB", (W, H), ACCENT)
    draw = ImageDraw.Draw(image)
    draw.rectangle((560, 0, W, H), fill="#b8508a")
    draw.rounded_rectangle((590, 150, 930, 430), radius=18, fill="#f3e6ee")  # fabric swatch
    for y in (230, 350):
        for x in range(615, 905, 24):
            draw.line([(x, y), (x + 14, y)], fill=UPPER, width=4)
    draw.polygon([(688, 48), (708, 36), (740, 84), (722, 96)], fill="#5f666f")  # needle shank
    draw.line([(731, 90), (858, 284)], fill="#8d949e", width=9)  # blade
    draw.polygon([(853, 278), (866, 270), (874, 312)], fill="#8d949e")  # point
    draw.ellipse((836, 254, 848, 268), fill="#f3e6ee")  # the eye sits just above the point
    thread = _smooth([(645, 430), (640, 360), (720, 300), (842, 261), (890, 250), (915, 275)])
    draw.line(thread, fill=LOWER, width=4)
    draw.polygon([(610, 520), (680, 520), (668, 430), (622, 430)], fill=LOWER, outline=INK)  # thread cones
    draw.polygon([(700, 520), (770, 520), (758, 430), (712, 430)], fill=UPPER, outline=INK)
    draw.multiline_text((48, 150), title, font=_font(44), fill="white", spacing=10)
    draw.multiline_text((48, 330), subtitle, font=_font(22), fill="#f6dbe9", spacing=8)
    draw.text((48, 480), "Smart Training Center Batang", font=_font(18), fill="#f6dbe9")
    return image


# --------------------------------------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------------------------------------


def draw_track_cover() -> Image.Image:
    return _cover("Teknologi Garmen\ndan Fesyen", "Menjahit rapi, cepat, dan aman\nuntuk industri garmen")


def draw_course_cover() -> Image.Image:
    return _cover(
        "Operator Mesin Jahit\nLockstitch Industri",
        "Mesin jarum satu kecepatan tinggi:\nbenang, setik, kampuh, perawatan",
    )


def draw_machine_parts() -> Image.Image:
    image, draw = _canvas("Bagian-bagian mesin jahit lockstitch jarum satu")
    _machine(draw)
    _label(draw, (166, 205), (150, 150), "Penarik benang", "rm")
    _label(draw, (258, 356), (150, 300), "Jarum &\nbatang jarum", "rm")
    _label(draw, (236, 335), (150, 362), "Pelindung jari", "rm")
    _label(draw, (232, 353), (150, 455), "Pelat jarum &\ngigi transport", "rm")
    _label(draw, (345, 195), (345, 100), "Pengatur tegangan benang atas", "mb")
    _label(draw, (298, 349), (380, 330), "Sepatu penekan", "lm")
    _label(draw, (655, 250), (560, 250), "Pengatur panjang setik", "rm")
    _label(draw, (588, 318), (560, 290), "Tuas jahit mundur", "rm")
    _label(draw, (752, 205), (790, 205), "Roda tangan", "lm")
    _label(draw, (787, 362), (800, 300), "Penggulung\nspul", "lm")
    _label(draw, (905, 140), (850, 105), "Tiang &\nkerucut benang", "rm")
    _label(draw, (765, 427), (800, 470), "Saklar daya", "lm")
    _label(draw, (304, 470), (380, 460), "Pengangkat sepatu (lutut)", "lm")
    _label(draw, (390, 516), (300, 516), "Pedal", "rm")
    return image


def draw_machine_unlabelled() -> Image.Image:
    """The machine without its labels: the picture of the hotspots activity (lms.demo.content.interactive)."""
    image, draw = _canvas("Mesin jahit lockstitch jarum satu")
    _machine(draw)
    return image


def draw_threading() -> Image.Image:
    image, draw = _canvas("Jalur benang atas (contoh mesin tipe DDL)")
    draw.rounded_rectangle((110, 150, 560, 225), radius=14, fill=BODY, outline=INK, width=2)  # arm
    draw.rounded_rectangle((90, 140, 210, 405), radius=14, fill=BODY, outline=INK, width=2)  # head
    draw.rounded_rectangle((60, 448, 580, 476), radius=6, fill=BODY, outline=INK, width=2)  # bed
    draw.line([(90, 182), (62, 178)], fill=INK, width=6)  # take-up lever
    draw.ellipse((240, 185, 270, 215), fill=METAL, outline=INK, width=2)  # tension discs
    draw.arc((218, 212, 246, 240), 0, 300, fill=INK, width=2)  # check spring
    draw.rectangle((156, 380, 164, 418), fill=METAL, outline=INK)  # needle bar
    draw.line([(160, 418), (160, 447)], fill=INK, width=2)
    draw.rectangle((100, 442, 200, 448), fill=METAL, outline=INK)
    draw.line([(610, 470), (610, 86)], fill="#555", width=4)  # thread stand
    draw.line([(540, 86), (650, 86)], fill="#555", width=4)
    draw.polygon([(588, 476), (632, 476), (624, 400), (596, 400)], fill=UPPER, outline=INK)
    points = [(610, 400), (610, 92), (545, 90), (470, 150), (255, 200), (232, 226), (62, 178), (115, 300), (160, 392)]
    points.append((160, 436))
    draw.line(points, fill=ACCENT, width=3, joint="curve")
    _arrow(draw, (160, 436), (176, 436), fill=ACCENT, width=3, head=9)
    stops = [(545, 90), (470, 150), (255, 200), (232, 226), (62, 178), (115, 300), (160, 392), (160, 436)]
    offsets = [(0, -22), (0, -22), (0, -26), (22, 14), (0, -24), (-24, 0), (-24, 0), (-24, 0)]
    for number, ((x, y), (dx, dy)) in enumerate(zip(stops, offsets, strict=True), start=1):
        draw.ellipse((x - 5, y - 5, x + 5, y + 5), outline=INK, width=2)
        _badge(draw, (x + dx, y + dy), number)
    legend = [
        "Pengantar di tiang benang",
        "Pengantar benang di lengan",
        "Piringan tegangan: benang\nmasuk di antara piringan",
        "Per pengontrol benang",
        "Penarik benang (take-up\nlever), dari kanan ke kiri",
        "Pengantar di pelat muka",
        "Pengantar di batang jarum",
        "Lubang jarum: dari kiri\nke kanan",
    ]
    y = 90
    for number, label in enumerate(legend, start=1):
        _badge(draw, (690, y + 9), number)
        _text(draw, (712, y), label, 16)
        y += 52 if "\n" in label else 36
    draw.rounded_rectangle((676, 440, 946, 526), radius=8, fill="#fdecea", outline=BAD, width=2)
    _text(draw, (688, 450), "Matikan daya sebelum\nmemasang benang. Sisakan\nekor benang ± 5 cm.", 15, fill=BAD)
    return image


def draw_bobbin() -> Image.Image:
    image, draw = _canvas("Spul dan sekoci: memasang benang bawah")
    cx, cy = 240, 300
    draw.ellipse((cx - 130, cy - 130, cx + 130, cy + 130), fill=METAL, outline=INK, width=3)  # bobbin case
    draw.rounded_rectangle((cx + 60, cy - 175, cx + 110, cy - 110), radius=8, fill="#9aa0a8", outline=INK)  # latch
    draw.ellipse((cx - 88, cy - 88, cx + 88, cy + 88), fill=LOWER, outline=INK, width=2)  # bobbin with thread
    draw.ellipse((cx - 26, cy - 26, cx + 26, cy + 26), fill="#eeeeee", outline=INK, width=2)
    draw.polygon([(cx + 118, cy - 60), (cx + 140, cy - 50), (cx + 140, cy + 70), (cx + 120, cy + 60)], fill="#7d838b")
    draw.ellipse((cx + 122, cy - 2, cx + 136, cy + 12), fill=INK)  # tension screw
    thread = [(cx + 60, cy - 64), (cx + 126, cy - 66), (cx + 131, cy + 66), (cx + 150, cy + 80), (cx + 240, cy + 150)]
    draw.line(thread, fill="#8a3c00", width=3)
    draw.arc((cx - 60, cy - 60, cx + 60, cy + 60), 200, 330, fill="white", width=4)
    _arrow(draw, (cx + 40, cy - 47), (cx + 52, cy - 30), fill="white", width=4, head=12)
    _label(draw, (cx - 60, cy + 40), (60, 480), "Spul (bobbin)", "lm")
    _label(draw, (cx - 110, cy - 60), (60, 110), "Sekoci (bobbin case)", "lm")
    _label(draw, (cx + 126, cy - 66), (420, 170), "1  Masuk ke celah", "lm")
    _label(draw, (cx + 129, cy + 6), (420, 240), "Sekrup pengatur tegangan spul", "lm")
    _label(draw, (cx + 138, cy + 24), (420, 310), "2  Lewat di bawah per tegangan", "lm")
    _label(draw, (cx + 133, cy + 68), (420, 375), "3  Keluar dari takik", "lm")
    _text(draw, (300, 470), "4  Tarik ujung benang: spul berputar\n    searah jarum jam (lihat panah manual)", 16)
    draw.rounded_rectangle((690, 80, 940, 520), radius=10, fill="white", outline=MUTED, width=2)
    _text(draw, (815, 92), "Uji gantung sekoci", 18, anchor="ma")
    draw.line([(815, 130), (815, 230)], fill="#8a3c00", width=2)
    draw.ellipse((795, 112, 835, 134), fill="#e8c9a8", outline=INK)  # fingers holding the thread
    draw.ellipse((790, 230, 840, 280), fill=METAL, outline=INK, width=2)
    _arrow(draw, (860, 240), (860, 290), fill=INK, width=3)
    rows = [
        (GOOD, "Turun sedikit lalu\nberhenti: TEPAT"),
        (BAD, "Meluncur terus:\nterlalu kendur"),
        (BAD, "Tidak turun sama\nsekali: terlalu kencang"),
    ]
    for i, (colour, label) in enumerate(rows):
        y = 305 + i * 62
        draw.ellipse((706, y + 6, 722, y + 22), fill=colour)
        _text(draw, (732, y), label, 15)
    _text(draw, (706, 490), "Isi spul maksimal ± 80%", 15, fill=MUTED)
    return image


def _stitch_row(draw, top, mode):
    """Cross-section of a lockstitch seam through two fabric layers; `mode` says where the threads interlock."""
    left, right = 300, 930
    depth = {"balanced": top + 58, "tight": top + 30, "loose": top + 88}[mode]
    draw.rectangle((left, top + 34, right, top + 58), fill="#e9dfd0", outline="#b9a88e")
    draw.rectangle((left, top + 58, right, top + 82), fill="#d7e2ee", outline="#9fb2c6")
    upper, lower = [(left, top + 32)], [(left, top + 84)]
    for x in range(350, 920, 90):
        upper += [(x - 12, top + 32), (x - 3, depth), (x + 3, depth), (x + 12, top + 32)]
        lower += [(x - 14, top + 84), (x, depth), (x + 14, top + 84)]
    upper.append((right, top + 32))
    lower.append((right, top + 84))
    draw.line(lower, fill=LOWER, width=4)
    draw.line(upper, fill=UPPER, width=4)
    for x in range(350, 920, 90):
        if mode == "loose":
            draw.arc((x - 18, depth - 6, x + 18, depth + 22), 0, 180, fill=UPPER, width=4)
        if mode == "tight":
            draw.ellipse((x - 7, depth - 12, x + 7, depth + 2), outline=LOWER, width=4)
        draw.ellipse((x - 5, depth - 5, x + 5, depth + 5), fill=INK)


def draw_tension() -> Image.Image:
    image, draw = _canvas("Tegangan benang: penampang setik kunci (301)")
    draw.line([(560, 76), (600, 76)], fill=UPPER, width=5)
    _text(draw, (608, 76), "Benang atas", 15, anchor="lm")
    draw.line([(720, 76), (760, 76)], fill=LOWER, width=5)
    _text(draw, (768, 76), "Benang spul", 15, anchor="lm")
    rows = [
        (95, "balanced", GOOD, "Seimbang", "Kaitan di tengah kain;\nrapi di kedua sisi."),
        (245, "tight", BAD, "Benang atas terlalu\nkencang", "Benang spul tertarik ke\natas, tampak titik-titik."),
        (395, "loose", BAD, "Benang atas terlalu\nkendur", "Benang atas melengkung\n/kusut di bawah kain."),
    ]
    for top, mode, colour, title, note in rows:
        draw.rounded_rectangle((20, top, 280, top + 130), radius=10, fill="white", outline=colour, width=3)
        _text(draw, (34, top + 12), title, 18, fill=colour)
        _text(draw, (34, top + 70 if "\n" in title else top + 44), note, 15)
        _stitch_row(draw, top + 10, mode)
    return image


def draw_seam() -> Image.Image:
    image, draw = _canvas("Kampuh, garis jahit, dan jahitan balik")
    draw.rectangle((60, 110, 560, 450), fill="#efe3ea", outline="#c9a9bb")
    for y in range(130, 430, 18):
        draw.line([(500, y), (500, y + 12)], fill=UPPER, width=4)
    for y0 in (130, 376):
        for y in range(y0, y0 + 54, 18):
            draw.line([(505, y + 4), (505, y + 14)], fill=UPPER, width=3)
    draw.line([(560, 110), (560, 450)], fill=ACCENT, width=3)
    _arrow(draw, (530, 470), (560, 470), width=2, head=8)
    _arrow(draw, (530, 470), (500, 470), width=2, head=8)
    _text(draw, (530, 484), "kampuh 1 cm", 16, anchor="ma")
    _arrow(draw, (440, 200), (440, 330), fill=MUTED, width=3)
    _text(draw, (430, 265), "arah\njahit", 15, fill=MUTED, anchor="rm")
    _label(draw, (505, 150), (300, 140), "Jahitan balik 3-4 setik (± 1 cm)", "rm")
    _label(draw, (505, 400), (300, 410), "Jahitan balik di akhir", "rm")
    _label(draw, (500, 300), (300, 330), "Garis jahit", "rm")
    _label(draw, (560, 250), (600, 250), "Tepi kain", "lm")
    _text(draw, (80, 180), "Panjang setik 2,5 mm\n= ± 10 setik per inci (SPI)", 15, fill=MUTED)
    draw.rounded_rectangle((610, 300, 940, 520), radius=10, fill="white", outline=MUTED, width=2)
    _text(draw, (775, 310), "Penampang: kampuh buka", 16, anchor="ma")
    draw.line([(630, 380), (770, 380)], fill=ACCENT, width=6)
    draw.line([(790, 380), (925, 380)], fill="#5b7db1", width=6)
    draw.line([(772, 380), (772, 420), (720, 420)], fill=ACCENT, width=6)
    draw.line([(788, 380), (788, 420), (840, 420)], fill="#5b7db1", width=6)
    draw.line([(780, 368), (780, 430)], fill=UPPER, width=3)
    _text(draw, (700, 352), "sisi baik", 14, fill=MUTED, anchor="mm")
    _text(draw, (780, 455), "jahitan; kampuh dibuka\ndan disetrika ke dua sisi", 14, fill=MUTED, anchor="ma")
    draw.line([(640, 110), (640, 230)], fill="#5b7db1", width=6)
    draw.line([(652, 110), (652, 230)], fill=ACCENT, width=6)
    draw.line([(636, 200), (660, 200)], fill=UPPER, width=3)
    _text(draw, (676, 130), "Sebelum dijahit: sisi baik\nbertemu sisi baik, tepi\nkain dibuat rata.", 15)
    return image


def draw_maintenance() -> Image.Image:
    image, draw = _canvas("Perawatan harian mesin jahit (awal dan akhir shift)")
    draw.rounded_rectangle((30, 80, 540, 520), radius=12, fill="white", outline=MUTED, width=2)
    draw.rounded_rectangle((235, 68, 335, 92), radius=6, fill=MUTED)
    items = [
        "Matikan saklar daya, tunggu motor berhenti",
        "Sikat debu kain di gigi transport dan kait",
        "Periksa level oli: di antara MIN dan MAX",
        "Nyalakan: cek percikan oli di jendela oli",
        "Periksa jarum: tidak tumpul atau bengkok",
        "Lap mesin dan meja dari sisa oli",
        "Jahit uji di kain perca sebelum produksi",
        "Laporkan bunyi aneh atau oli bocor",
    ]
    for i, item in enumerate(items):
        y = 112 + i * 50
        _check_mark(draw, (52, y, 76, y + 24))
        _text(draw, (92, y + 12), item, 17, anchor="lm")
    draw.rounded_rectangle((600, 90, 700, 300), radius=8, fill="#eef1f4", outline=INK, width=2)  # oil gauge
    draw.rectangle((606, 190, 694, 294), fill="#e8b64c")
    for y, name in ((140, "MAX"), (250, "MIN")):
        draw.line([(600, y), (720, y)], fill=BAD, width=2)
        _text(draw, (726, y), name, 16, fill=BAD, anchor="lm")
    _text(draw, (600, 310), "Penduga oli di panci oli:\nlevel di antara MIN dan MAX", 15)
    draw.rectangle((600, 400, 900, 440), fill=METAL, outline=INK, width=2)  # needle plate
    for x in range(700, 790, 14):
        draw.rectangle((x, 410, x + 6, 430), fill="#555")
    for x, y in ((690, 398), (735, 404), (790, 396), (760, 436)):
        draw.ellipse((x, y, x + 16, y + 10), fill="#c8c2b8", outline="#9c958a")
    draw.rounded_rectangle((840, 330, 936, 346), radius=6, fill="#8a5a2b")  # brush
    draw.rectangle((812, 326, 840, 350), fill="#6b7078")
    for y in range(328, 350, 4):
        draw.line([(792, y + 8), (812, y)], fill="#444", width=2)
    _text(draw, (600, 455), "Sikat debu kain (lint) di sekitar\ngigi transport; daya harus OFF", 15)
    return image


IMAGES = {
    "garment-cover": draw_track_cover,
    "garment-course": draw_course_cover,
    "garment-machine-parts": draw_machine_parts,
    "garment-machine-unlabelled": draw_machine_unlabelled,
    "garment-threading": draw_threading,
    "garment-bobbin": draw_bobbin,
    "garment-tension": draw_tension,
    "garment-seam": draw_seam,
    "garment-maintenance": draw_maintenance,
}

# --------------------------------------------------------------------------------------------------------------------
# Block helpers
# --------------------------------------------------------------------------------------------------------------------


# --------------------------------------------------------------------------------------------------------------------
# Lessons
# --------------------------------------------------------------------------------------------------------------------

LESSON_PARTS = [
    text(
        """
        <h2>Mesin jahit jarum satu kecepatan tinggi</h2>
        <p>Mesin jahit <i>lockstitch</i> jarum satu (sering disebut mesin <i>high speed</i> atau mesin jarum satu)
        adalah mesin yang paling banyak dipakai di pabrik garmen. Setiknya disebut <b>setik kunci</b> (tipe 301):
        benang atas dari jarum dan benang bawah dari spul saling mengait di tengah tebal kain, sehingga jahitan
        tampak sama di sisi atas dan bawah. Mesin ini dapat menjahit hingga sekitar 5.000 setik per menit, jadi
        operator harus mengenal setiap bagiannya sebelum menginjak pedal.</p>
        """
    ),
    image(
        "garment-machine-parts",
        "Bagian utama mesin jahit lockstitch jarum satu beserta meja, motor servo, dan pedal.",
        "Mesin jahit industri di atas meja, berlabel: penarik benang, jarum, pelindung jari, pelat jarum, sepatu "
        "penekan, pengatur tegangan dan panjang setik, tuas mundur, roda tangan, penggulung spul, tiang benang, "
        "saklar daya, pengangkat lutut, pedal.",
    ),
    table(
        "Fungsi bagian utama mesin",
        ["Bagian", "Fungsi"],
        [
            [
                "Roda tangan",
                "Memutar mesin secara manual untuk menaikkan atau menurunkan jarum. Selalu putar ke arah operator.",
            ],
            [
                "Penarik benang (take-up lever)",
                "Menarik benang atas ke atas setiap putaran sehingga setik terkunci kencang.",
            ],
            [
                "Pengatur tegangan benang atas",
                "Menjepit benang di antara dua piringan; mur diputar untuk menambah atau mengurangi tegangan.",
            ],
            ["Jarum dan batang jarum", "Membawa benang atas menembus kain."],
            ["Sepatu penekan", "Menekan kain ke gigi transport; diangkat dengan tuas tangan atau pengangkat lutut."],
            [
                "Pelat jarum dan gigi transport",
                "Pelat jarum adalah alas berlubang dengan garis bantu kampuh; gigi "
                "transport di bawahnya memajukan kain satu setik demi satu setik.",
            ],
            [
                "Kait (hook) dan sekoci",
                "Berada di bawah pelat jarum. Kait mengambil lengkung benang atas dan "
                "melilitkannya pada benang spul di dalam sekoci.",
            ],
            [
                "Pengatur panjang setik dan tuas mundur",
                "Mengatur jarak antarsetik (mm) dan menjahit mundur untuk mengunci awal dan akhir jahitan.",
            ],
            ["Penggulung spul", "Menggulung benang ke spul kosong sambil mesin menjahit."],
            [
                "Pedal dan motor servo",
                "Pedal diinjak ke depan untuk menjahit; makin dalam, makin cepat. Motor servo "
                "mengatur kecepatan; pada mesin otomatis, tumit ke belakang memotong benang.",
            ],
        ],
    ),
    callout(
        "k3",
        "Pelindung pada mesin jangan dilepas",
        """
        <ul>
        <li><b>Pelindung jari</b> (<i>finger guard</i>) di depan jarum mencegah jari masuk ke jalur jarum.</li>
        <li><b>Pelindung mata</b> (<i>eye guard</i>) transparan menahan pecahan jarum yang patah.</li>
        <li><b>Penutup sabuk dan puli</b> mencegah jari, rambut, atau pakaian tergulung.</li>
        </ul>
        <p>Jika pelindung hilang atau rusak, jangan jalankan mesin. Laporkan ke supervisor atau mekanik.</p>
        """,
    ),
    callout(
        "k3",
        "Motor servo hampir tidak bersuara",
        """
        <p>Motor servo modern nyaris sunyi saat menyala. <b>Mesin yang sunyi belum tentu mati.</b> Pedal yang
        tersenggol bisa langsung menggerakkan jarum. Sebelum memasang benang, mengganti jarum atau spul, atau
        membersihkan mesin: <b>matikan saklar daya</b> dan pastikan lampu indikator padam.</p>
        """,
    ),
    text(
        """
        <h3>Pakaian dan sikap kerja</h3>
        <ul>
        <li>Ikat rambut panjang dan gunakan penutup kepala. Jangan memakai syal, tali ID card yang menjuntai,
        gelang, atau cincin besar yang bisa tergulung di roda tangan atau sabuk.</li>
        <li>Duduk tegak, kursi diatur sehingga siku kira-kira sejajar meja. Kaki kanan di pedal hanya saat
        menjahit.</li>
        <li>Tangan mengarahkan kain, bukan mendorongnya ke bawah jarum. Jaga ujung jari di luar pelindung jari.</li>
        <li>Jarum patah: kumpulkan <b>semua</b> pecahannya dan serahkan ke supervisor sesuai prosedur kontrol jarum.
        Pecahan yang tertinggal di pakaian dapat melukai konsumen dan membuat satu pengiriman ditolak.</li>
        </ul>
        """
    ),
    quick_check(
        "Motor servo mesin Anda menyala tetapi tidak bersuara. Anda perlu mengganti spul. Apa yang dilakukan lebih "
        "dulu?",
        [
            (
                "Mematikan saklar daya dan memastikan lampu indikator padam.",
                True,
                "Benar. Tangan hanya boleh bekerja di area jarum dan kait setelah daya diputus.",
            ),
            (
                "Langsung mengganti spul, karena mesin yang sunyi berarti motor mati.",
                False,
                "Keliru. Motor servo hampir tidak berbunyi saat siaga; pedal yang tersenggol langsung menggerakkan "
                "jarum.",
            ),
            (
                "Mengangkat sepatu penekan dengan lutut, lalu mengganti spul.",
                False,
                "Mengangkat sepatu penekan tidak memutus daya motor; jarum masih bisa bergerak.",
            ),
        ],
        """
        <p>Setiap pekerjaan di area jarum, sepatu penekan, atau kait (memasang benang, mengganti jarum atau spul,
        membersihkan) dimulai dengan <b>mematikan daya</b>.</p>
        """,
    ),
]

LESSON_NEEDLE = [
    text(
        """
        <h2>Sistem dan ukuran jarum</h2>
        <p>Mesin lockstitch industri umumnya memakai jarum sistem <b>DBx1</b> (juga tertulis 16x231). Jarum mesin
        jahit rumah tangga (sistem 130/705H) tidak boleh dipakai karena bentuk pangkal dan panjangnya berbeda.</p>
        <p>Ukuran jarum biasanya ditulis dua angka, misalnya <b>90/14</b>. Angka metrik (Nm) 90 berarti diameter
        batang jarum 0,90 mm; angka 14 adalah ukuran sistem Singer. Makin besar angkanya, makin tebal jarumnya.</p>
        <h3>Bagian jarum</h3>
        <ul>
        <li><b>Pangkal</b> (<i>shank</i>): bagian yang dijepit pada batang jarum.</li>
        <li><b>Alur panjang</b>: tempat benang terlindung saat jarum menembus kain.</li>
        <li><b>Ceruk</b> (<i>scarf</i>): lekukan di atas lubang jarum tempat ujung kait mengambil lengkung benang.</li>
        <li><b>Lubang jarum</b> dan <b>ujung jarum</b>. Pada jarum mesin, lubangnya ada di dekat ujung.</li>
        </ul>
        """
    ),
    table(
        "Pedoman umum ukuran jarum, jenis kain, dan benang (ikuti spesifikasi buyer bila ada)",
        ["Ukuran jarum (Nm/Singer)", "Jenis kain", "Contoh", "Benang (kira-kira)"],
        [
            ["60-65 / 8-9", "Sangat tipis", "Sifon, organza, voile", "Tex 16-21"],
            ["70 / 10", "Tipis", "Batis, katun halus, satin tipis", "Tex 18-24"],
            ["75-80 / 11-12", "Sedang ringan", "Poplin kemeja, katun seragam, kaos (ujung bola)", "Tex 24-30"],
            ["90 / 14", "Sedang berat", "Drill, gabardin, denim ringan", "Tex 30-40"],
            ["100-110 / 16-18", "Berat", "Denim, kanvas, terpal tipis", "Tex 40-60"],
            ["120-130 / 19-21", "Sangat berat", "Kanvas berlapis, sabuk, tas", "Tex 70 ke atas"],
        ],
    ),
    text(
        """
        <h3>Bentuk ujung jarum</h3>
        <ul>
        <li><b>Ujung bulat normal (R)</b>: kain tenun seperti katun, poliester, drill.</li>
        <li><b>Ujung bola ringan (SES)</b>: kain rajut seperti kaos dan jersey. Ujung bola menyibak benang rajut,
        bukan memotongnya, sehingga tidak timbul lubang.</li>
        <li><b>Ujung bola sedang (SUK)</b>: rajut tebal dan kain elastis.</li>
        <li><b>Ujung potong</b>: khusus kulit; tidak untuk kain tekstil.</li>
        </ul>
        <h3>Memilih benang</h3>
        <p>Benang jahit yang paling umum di garmen adalah <b>poliester spun</b>, sedangkan benang <i>core-spun</i>
        dipakai untuk jahitan yang harus sangat kuat seperti denim. Ukuran benang dinyatakan dalam <b>Tex</b>
        (berat dalam gram per 1.000 meter benang; makin besar, makin tebal) atau nomor tiket (makin besar, makin
        halus). Aturan praktis: benang harus masuk ke alur panjang jarum dan meluncur lancar di lubang jarum.</p>
        <h3>Memasang jarum</h3>
        <ol>
        <li>Matikan saklar daya.</li>
        <li>Putar roda tangan ke arah Anda sampai batang jarum berada di posisi tertinggi.</li>
        <li>Kendurkan sekrup penjepit jarum.</li>
        <li>Masukkan jarum sedalam mungkin. Pada mesin tipe DDL, alur panjang menghadap tepat ke kiri dan ceruk ke
        kanan (ke arah kait). Selalu cocokkan dengan buku manual mesin.</li>
        <li>Kencangkan sekrup, lalu putar roda tangan satu putaran penuh untuk memastikan jarum tidak menyentuh pelat
        jarum atau sepatu penekan.</li>
        </ol>
        """
    ),
    callout(
        "k3",
        "Mengganti jarum dengan aman",
        """
        <ul>
        <li>Daya harus OFF selama jarum dilepas dan dipasang.</li>
        <li>Jarum patah: kumpulkan semua pecahan, tempel pada kartu kontrol jarum, dan tukarkan ke supervisor.
        Jarum baru hanya diberikan bila pecahan lama lengkap.</li>
        <li>Jarum bekas dibuang ke wadah khusus benda tajam, bukan ke tempat sampah biasa.</li>
        </ul>
        """,
    ),
    quick_check(
        "Anda akan menjahit kaos dari kain rajut katun (jersey) ringan. Jarum mana yang paling tepat?",
        [
            ("75/11 dengan ujung potong", False, "Ujung potong khusus untuk kulit; pada rajut ia memotong serat."),
            (
                "75/11 dengan ujung bola ringan (SES)",
                True,
                "Tepat. Ukuran sesuai kain ringan, dan ujung bola menyibak benang rajut sehingga kain tidak berlubang.",
            ),
            (
                "110/18 dengan ujung bulat normal",
                False,
                "Terlalu besar untuk kain ringan: lubang tusukan besar, dan ujung normal dapat memutus benang rajut.",
            ),
        ],
        "<p>Pilih ukuran jarum menurut <b>tebal kain</b>, dan bentuk ujung menurut <b>jenis kain</b> (tenun, rajut, "
        "atau kulit).</p>",
    ),
]

LESSON_THREADING = [
    text(
        """
        <h2>Mengapa jalur benang harus tepat</h2>
        <p>Setiap titik pada jalur benang atas punya fungsi: pengantar menjaga arah benang, piringan tegangan
        memberi tegangan, per pengontrol meredam sentakan, dan penarik benang mengencangkan setik. Satu titik
        terlewat, misalnya benang tidak masuk di antara piringan tegangan, langsung menimbulkan jahitan kusut,
        benang putus, atau setik loncat.</p>
        """
    ),
    callout(
        "k3",
        "Matikan daya sebelum memasang benang",
        "<p>Saat memasang benang, jari berada tepat di jalur jarum dan penarik benang. Matikan saklar daya; gunakan "
        "roda tangan, bukan pedal, untuk menggerakkan jarum.</p>",
    ),
    image(
        "garment-threading",
        "Urutan jalur benang atas pada mesin tipe DDL. Mesin lain bisa sedikit berbeda: cek buku manual.",
        "Skema kepala mesin jahit dengan garis benang bernomor 1 sampai 8 dari tiang benang, pengantar, piringan "
        "tegangan, per pengontrol, penarik benang, pengantar pelat muka, pengantar batang jarum, hingga lubang jarum.",
    ),
    text(
        """
        <h3>Langkah memasang benang atas</h3>
        <ol>
        <li>Matikan daya. Putar roda tangan ke arah Anda sampai penarik benang di posisi tertinggi.</li>
        <li>Letakkan kerucut benang di tiang, lewatkan benang ke pengantar di ujung atas tiang (1), lalu ke pengantar
        di lengan mesin (2).</li>
        <li>Masukkan benang <b>di antara</b> piringan tegangan (3), lalu kaitkan pada per pengontrol benang (4).</li>
        <li>Masukkan benang ke lubang penarik benang (5), lalu turunkan melalui pengantar di pelat muka (6) dan
        pengantar di batang jarum (7).</li>
        <li>Masukkan ke lubang jarum dari kiri ke kanan (8) dan tarik keluar sekitar 5 cm.</li>
        </ol>
        """
    ),
    image(
        "garment-bobbin",
        "Memasang spul ke sekoci dan uji gantung untuk memeriksa tegangan benang spul.",
        "Sekoci dilihat dari depan dengan spul di dalamnya; benang masuk celah, lewat di bawah per tegangan, keluar "
        "dari takik. Di kanan, sekoci digantung pada benangnya untuk uji tegangan.",
    ),
    text(
        """
        <h3>Menggulung dan memasang spul</h3>
        <ol>
        <li>Pasang spul kosong di poros penggulung, lilitkan ujung benang beberapa kali, lalu tekan tuas penggulung.
        Spul tergulung sambil Anda menjahit dan berhenti otomatis sekitar 80% penuh. Gulungan harus rata dan
        padat.</li>
        <li>Masukkan spul ke sekoci. Tarik benang melalui celah, lalu ke bawah per tegangan sampai keluar dari
        takik. Saat ujung benang ditarik, spul harus berputar ke arah yang ditunjukkan buku manual (pada umumnya
        searah jarum jam).</li>
        <li>Dengan daya OFF dan jarum di posisi tertinggi, buka tutup sekoci lalu dorong sekoci ke poros kait sampai
        terdengar bunyi klik. Sisakan ekor benang sekitar 5 cm.</li>
        <li>Pegang ujung benang atas, putar roda tangan satu putaran penuh; tarik benang atas sehingga benang spul
        ikut naik melalui lubang pelat jarum. Letakkan kedua ujung benang ke belakang di bawah sepatu penekan.</li>
        </ol>
        """
    ),
    quick_check(
        "Setelah memasang benang, benang atas langsung kusut menggumpal di bawah kain. Titik mana yang paling mungkin "
        "terlewat?",
        [
            (
                "Pengantar di tiang benang",
                False,
                "Pengantar di tiang menjaga arah benang dari kerucut; jika terlewat benang mudah terbelit, tetapi "
                "jarang menggumpal di bawah kain.",
            ),
            ("Pengatur panjang setik", False, "Pengatur panjang setik bukan bagian dari jalur benang."),
            (
                "Piringan tegangan atau penarik benang",
                True,
                "Benar. Tanpa piringan tegangan atau penarik benang, benang atas tidak mendapat tegangan dan menumpuk "
                "di bawah kain.",
            ),
        ],
        "<p>Gumpalan benang atas di bawah kain (<i>bird nest</i>) hampir selalu berarti benang atas <b>tanpa "
        "tegangan</b>. Matikan daya, lepas benang, dan pasang ulang seluruh jalurnya.</p>",
    ),
]

LESSON_TENSION = [
    text(
        """
        <h2>Panjang setik</h2>
        <p>Panjang setik adalah jarak antara dua tusukan jarum. Panjangnya diatur dengan kenop pengatur panjang setik,
        yang angkanya dalam milimeter. Di industri, kerapatan jahitan sering dinyatakan dalam <b>SPI</b>
        (<i>stitches per inch</i>, setik per inci): SPI = 25,4 : panjang setik (mm). Setik pendek membuat jahitan
        lebih kuat dan rapat, tetapi terlalu pendek dapat membuat kain tipis mengerut. Nilai yang dipakai tercantum
        di lembar spesifikasi (<i>spec sheet</i>) dari buyer.</p>
        """
    ),
    table(
        "Panjang setik dan penggunaannya (contoh umum)",
        ["Panjang setik", "Kira-kira SPI", "Penggunaan"],
        [
            ["2,0 mm", "12-13", "Kemeja, blus, kain tipis"],
            ["2,5 mm", "10", "Jahitan umum, seragam kerja"],
            ["3,0 mm", "8-9", "Celana, denim, jahitan tindas (topstitch)"],
            ["4,0-5,0 mm", "5-6", "Jahitan sementara, kerutan"],
        ],
    ),
    text(
        """
        <h2>Tegangan benang yang seimbang</h2>
        <p>Setik kunci yang baik terbentuk bila tegangan benang atas dan benang spul seimbang: kaitan kedua benang
        berada di tengah tebal kain dan tidak terlihat dari luar.</p>
        """
    ),
    image(
        "garment-tension",
        "Penampang jahitan: tegangan seimbang, benang atas terlalu kencang, dan benang atas terlalu kendur.",
        "Tiga penampang dua lapis kain. Biru benang atas, oranye benang spul. Seimbang: kaitan di tengah kain. "
        "Terlalu kencang: kaitan di permukaan atas. Terlalu kendur: benang atas melengkung di bawah kain.",
    ),
    text(
        """
        <h3>Cara mengatur</h3>
        <ol>
        <li><b>Periksa tegangan benang spul dulu</b> dengan uji gantung: pegang ujung benang sehingga sekoci
        tergantung, lalu sentakkan pelan. Sekoci yang tepat turun sedikit lalu berhenti. Atur dengan sekrup kecil
        pada per sekoci, sedikit demi sedikit (seperdelapan putaran).</li>
        <li>Jahit uji pada perca dari kain produksi yang sama, dua lapis, sepanjang 15-20 cm.</li>
        <li>Atur tegangan atas: putar mur pengatur <b>searah jarum jam untuk mengencangkan</b>, berlawanan arah
        jarum jam untuk mengendurkan.</li>
        <li>Periksa kedua sisi jahitan, lalu ulangi sampai seimbang. Tarik jahitan sepanjang garisnya: benang tidak
        boleh mudah putus dan kain tidak boleh mengerut.</li>
        </ol>
        """
    ),
    callout(
        "info",
        "Ubah satu hal setiap kali",
        "<p>Ubah satu pengaturan per jahit uji dan catat hasilnya. Jika jahitan tetap buruk setelah jalur benang, "
        "jarum, dan tegangan benar, kemungkinan ada masalah mekanis (misalnya waktu kait). Laporkan ke mekanik; "
        "jangan membongkar mesin sendiri.</p>",
    ),
    quick_check(
        "Pada jahit uji, benang spul tampak berupa titik-titik kecil di permukaan atas kain. Apa artinya?",
        [
            (
                "Tegangan benang atas terlalu kencang",
                True,
                "Benar. Benang atas menarik benang spul sampai kaitannya muncul di permukaan atas.",
            ),
            (
                "Tegangan benang atas terlalu kendur",
                False,
                "Jika terlalu kendur, justru benang atas yang terlihat melengkung di sisi bawah kain.",
            ),
            ("Panjang setik terlalu panjang", False, "Panjang setik tidak memindahkan letak kaitan benang."),
        ],
        "<p>Letak kaitan menunjukkan benang mana yang menang tarik-menarik. Kaitan di atas berarti benang atas terlalu "
        "kencang (atau benang spul terlalu kendur). Kendurkan tegangan atas sedikit, lalu jahit uji lagi.</p>",
    ),
]

LESSON_SEAM = [
    text(
        """
        <h2>Istilah penting</h2>
        <ul>
        <li><b>Garis jahit</b>: garis tempat setik dibuat.</li>
        <li><b>Kampuh</b> (<i>seam allowance</i>): jarak dari garis jahit ke tepi kain. Lebarnya sudah ditentukan
        pada pola, umumnya 0,6-1,5 cm. Kampuh yang tidak konsisten membuat ukuran pakaian jadi meleset.</li>
        <li><b>Jahitan balik</b> (<i>backtack</i>): menjahit mundur 3-4 setik di awal dan akhir jahitan agar
        jahitan tidak terurai.</li>
        <li><b>Sisi baik dan sisi buruk kain</b>: sisi baik adalah sisi yang terlihat pada pakaian jadi.</li>
        </ul>
        """
    ),
    image(
        "garment-seam",
        "Kampuh 1 cm: garis jahit sejajar tepi kain, dengan jahitan balik di awal dan akhir.",
        "Tampak atas selembar kain dengan garis jahit putus-putus 1 cm dari tepi, jahitan balik di kedua ujung, "
        "panah arah jahit, dan penampang kampuh buka yang disetrika ke dua sisi.",
    ),
    text(
        """
        <h3>Langkah menjahit kampuh lurus</h3>
        <ol>
        <li>Satukan dua lapis kain dengan sisi baik saling berhadapan dan tepi rata.</li>
        <li>Letakkan kain di bawah sepatu penekan, turunkan jarum dengan roda tangan sekitar 1 cm dari ujung kain,
        lalu turunkan sepatu penekan.</li>
        <li>Jahit maju 3-4 setik, tekan tuas mundur untuk menjahit balik 3-4 setik, lepaskan tuas, lalu jahit
        maju.</li>
        <li>Jaga lebar kampuh dengan menyejajarkan tepi kain pada garis bantu di pelat jarum atau pada pengantar
        kampuh (magnet). Mata melihat tepi kain di garis bantu, bukan jarumnya.</li>
        <li>Di ujung kain, jahit balik 3-4 setik, angkat jarum ke posisi tertinggi, angkat sepatu penekan, tarik
        kain ke belakang, lalu potong benang. Sisa benang yang menjuntai termasuk cacat.</li>
        </ol>
        <h3>Mengendalikan kain</h3>
        <ul>
        <li>Biarkan gigi transport membawa kain; tangan hanya mengarahkan. Menarik atau menahan kain membuat setik
        tidak rata dan bisa membengkokkan atau mematahkan jarum.</li>
        <li>Atur kecepatan dengan pedal: pelan di sudut dan lengkungan, lebih cepat di jahitan lurus.</li>
        <li>Di sudut, berhenti dengan jarum menancap di kain, angkat sepatu penekan dengan lutut, putar kain,
        turunkan sepatu, lalu lanjutkan.</li>
        </ul>
        """
    ),
    callout(
        "k3",
        "Jari bukan pengantar kain",
        """
        <ul>
        <li>Jaga jari di luar pelindung jari, minimal selebar dua jari dari jarum.</li>
        <li>Untuk potongan kecil, gunakan alat bantu (penusuk atau pinset), bukan ujung jari.</li>
        <li>Jangan menjahit di atas jarum pentul. Jarum mesin bisa patah dan pecahannya terlempar.</li>
        </ul>
        """,
    ),
    quick_check(
        "Lebar kampuh pada pola adalah 1 cm. Cara terbaik menjaga lebar itu sepanjang jahitan adalah...",
        [
            (
                "Terus memperhatikan jarum selama menjahit",
                False,
                "Jarum selalu di tempat yang sama; yang perlu dijaga adalah posisi tepi kain.",
            ),
            (
                "Menyejajarkan tepi kain dengan garis bantu 1 cm pada pelat jarum atau pengantar kampuh",
                True,
                "Benar. Garis bantu atau pengantar menjaga jarak tepi kain ke jarum tetap sama.",
            ),
            (
                "Menarik kain dari belakang agar jahitan lurus",
                False,
                "Menarik kain merusak panjang setik dan dapat mematahkan jarum. Biarkan gigi transport bekerja.",
            ),
        ],
        "<p>Operator berpengalaman memandang <b>tepi kain pada garis bantu</b>, bukan jarumnya. Kampuh yang konsisten "
        "membuat ukuran pakaian sesuai pola.</p>",
    ),
]

LESSON_DEFECTS = [
    text(
        """
        <h2>Mengenali cacat jahitan</h2>
        <p>Petugas QC mencatat setiap cacat, tetapi operator yang mengenali penyebabnya dapat memperbaikinya sebelum
        ratusan potong terlanjur dijahit. Biasakan memeriksa beberapa potong pertama di awal shift dan setiap kali
        berganti benang, jarum, atau bahan.</p>
        """
    ),
    table(
        "Cacat jahitan yang sering muncul, penyebab, dan tindakan",
        ["Cacat", "Ciri", "Penyebab umum", "Tindakan operator"],
        [
            [
                "Setik loncat",
                "Ada setik panjang karena benang atas dan spul tidak saling mengait",
                "Jarum tumpul, bengkok, salah arah, atau tidak masuk penuh; jarum tidak cocok dengan benang atau kain; "
                "jenis ujung jarum salah untuk rajut",
                "Ganti dan pasang jarum dengan benar; cocokkan jarum dan benang. "
                "Jika tetap terjadi, lapor mekanik (waktu kait).",
            ],
            [
                "Kerutan (puckering)",
                "Kain bergelombang di sepanjang jahitan",
                "Tegangan benang terlalu kencang, setik terlalu pendek, jarum atau benang terlalu besar untuk kain "
                "tipis, kain ditarik atau ditahan",
                "Kurangi tegangan, sesuaikan panjang setik dengan spek, pakai "
                "jarum dan benang lebih halus, biarkan gigi transport membawa kain.",
            ],
            [
                "Benang putus",
                "Benang atas putus saat menjahit",
                "Jalur benang salah, tegangan terlalu kencang, jarum atau lubang pelat tergores, benang rapuh",
                "Pasang ulang jalur, kendurkan tegangan, ganti jarum; laporkan pelat atau kait yang tergores.",
            ],
            [
                "Jahitan kendur atau kusut",
                "Lengkung benang atas di sisi bawah kain",
                "Benang tidak masuk piringan tegangan atau tegangan atas terlalu kendur",
                "Pasang ulang benang atas, lalu atur tegangan.",
            ],
            [
                "Jarum patah",
                "Jarum patah saat menjahit",
                "Kain ditarik, menjahit di atas jarum pentul atau kancing, jarum bengkok atau tidak terpasang penuh",
                "Matikan daya, kumpulkan semua pecahan, ikuti prosedur kontrol jarum.",
            ],
        ],
    ),
    text(
        """
        <h2>Perawatan harian</h2>
        <p>Mesin yang bersih dan cukup oli menjahit lebih rapi, lebih awet, dan tidak mengotori kain. Perawatan harian
        adalah tugas operator; perbaikan dan penyetelan mekanis adalah tugas mekanik.</p>
        """
    ),
    image(
        "garment-maintenance",
        "Daftar periksa perawatan harian, penduga oli MIN-MAX, dan membersihkan debu kain di gigi transport.",
        "Papan daftar periksa delapan butir perawatan harian, gambar penduga oli dengan garis MAX dan MIN, dan pelat "
        "jarum dengan gigi transport yang berdebu serta sikat pembersih.",
    ),
    text(
        """
        <ol>
        <li>Matikan saklar daya. Buka pelat jarum atau tutup kait sesuai petunjuk, lalu sikat debu kain (lint) dari
        gigi transport, sekitar kait, dan sekoci.</li>
        <li>Periksa level oli pada penduga di panci oli: harus di antara garis MIN dan MAX. Tambahkan hanya oli
        mesin jahit yang ditentukan.</li>
        <li>Nyalakan mesin dan jalankan tanpa kain dengan sepatu penekan terangkat; pastikan percikan oli terlihat di
        jendela oli. Jika tidak, hentikan dan lapor mekanik.</li>
        <li>Jahit uji pada perca untuk memastikan tidak ada tetesan oli yang mengotori kain.</li>
        <li>Di akhir shift: bersihkan mesin dan meja, matikan daya, dan tutup mesin dari debu.</li>
        </ol>
        """
    ),
    callout(
        "warning",
        "Gunakan oli yang benar",
        "<p>Pakai hanya oli mesin jahit yang ditetapkan pabrik atau mekanik. Oli motor atau minyak lain dapat membuat "
        "mesin macet dan meninggalkan noda yang tidak bisa dicuci dari kain.</p>",
    ),
    callout(
        "k3",
        "Sebelum membersihkan",
        "<p>Daya OFF, dan tangan jauh dari pedal. Jika memakai angin bertekanan, jangan arahkan ke tubuh atau mata dan "
        "gunakan kacamata pelindung.</p>",
    ),
    quick_check(
        "Jahitan pada kain sifon tipis mengerut di sepanjang garis jahit. Langkah pertama yang paling masuk akal "
        "adalah...",
        [
            (
                "Mengganti jarum dengan ukuran 110/18",
                False,
                "Jarum sebesar itu justru memperparah kerutan dan melubangi kain tipis.",
            ),
            ("Memperpendek setik menjadi 1 mm", False, "Setik yang makin rapat menambah kerutan pada kain tipis."),
            (
                "Mengurangi tegangan benang atas sedikit demi sedikit, lalu jahit uji lagi",
                True,
                "Benar. Tegangan yang terlalu kencang adalah penyebab kerutan yang paling umum dan paling mudah "
                "diperiksa.",
            ),
        ],
        "<p>Pada kain tipis, periksa berurutan: <b>tegangan</b>, panjang setik, lalu ukuran jarum dan benang. Ubah "
        "satu hal setiap kali.</p>",
    ),
]

# --------------------------------------------------------------------------------------------------------------------
# Track
# --------------------------------------------------------------------------------------------------------------------

TRACK = {
    "slug": "teknologi-garmen-dan-fesyen",
    "title": "Teknologi Garmen dan Fesyen",
    "short_description": (
        "Keterampilan produksi garmen untuk industri: mengoperasikan mesin jahit industri dengan aman, menjahit "
        "sesuai standar mutu, dan merawat mesin."
    ),
    "intro": html(
        """
        <p>Industri garmen adalah salah satu penyerap tenaga kerja terbesar di Jawa Tengah, dan pabrik-pabrik di
        kawasan industri sekitar Batang membutuhkan operator jahit yang <b>rapi, cepat, dan aman</b>.</p>
        <p>Jalur ini dimulai dari mesin yang paling banyak dipakai di lantai produksi, yaitu mesin jahit lockstitch
        jarum satu. Setiap materi disertai catatan <b>K3</b> dan latihan singkat untuk memeriksa pemahaman Anda.</p>
        """
    ),
    "icon": "garment",
    "colour": ACCENT,
    "image": "garment-cover",
    "courses": [
        {
            "slug": "operator-mesin-jahit-lockstitch",
            "title": "Operator Mesin Jahit Lockstitch Industri",
            "summary": (
                "Kursus dasar bagi calon operator jahit di industri garmen. Peserta mengenal bagian-bagian mesin jahit "
                "lockstitch jarum satu kecepatan tinggi, memasang benang atas dan spul, memilih jarum dan benang, "
                "mengatur panjang setik dan tegangan benang, menjahit kampuh lurus dengan jahitan balik, mengenali "
                "cacat jahitan beserta penyebabnya, serta melakukan perawatan harian, semuanya dengan menerapkan K3 "
                "di stasiun jahit."
            ),
            "outcomes": [
                "Menyebutkan bagian utama mesin lockstitch dan fungsinya.",
                "Menerapkan K3 di stasiun jahit: pelindung mesin, daya OFF saat memasang benang atau mengganti jarum, "
                "pakaian dan rambut yang aman.",
                "Memasang benang atas dan spul dengan urutan yang benar.",
                "Memilih ukuran dan jenis ujung jarum serta benang sesuai kain.",
                "Mengatur panjang setik dan menyeimbangkan tegangan benang melalui jahit uji.",
                "Menjahit kampuh lurus dengan lebar konsisten dan jahitan balik.",
                "Mengenali setik loncat, kerutan, dan benang putus beserta penyebabnya.",
                "Melakukan perawatan harian: membersihkan debu kain dan memeriksa oli.",
            ],
            "kkni_level": 2,
            "jp_hours": 80,
            "sequential": True,
            "image": "garment-course",
            "modules": [
                {
                    "slug": "mengenal-dan-menyiapkan-mesin",
                    "title": "Mengenal dan Menyiapkan Mesin",
                    "intro": html(
                        """
                        <p>Sebelum menjahit, kenali mesin Anda: bagian-bagiannya, pelindung keselamatannya, jarum
                        dan benang yang tepat, serta cara memasang benang atas dan spul.</p>
                        """
                    ),
                    "lessons": [
                        {
                            "slug": "bagian-mesin-dan-k3",
                            "title": "Bagian-bagian mesin lockstitch dan K3 di stasiun jahit",
                            "minutes": 30,
                            "required": True,
                            "body": [*LESSON_PARTS, *interactive.GARMENT_PARTS],
                        },
                        {
                            "slug": "memilih-jarum-dan-benang",
                            "title": "Memilih dan memasang jarum serta benang",
                            "minutes": 30,
                            "required": True,
                            "body": LESSON_NEEDLE,
                        },
                        {
                            "slug": "memasang-benang-atas-dan-spul",
                            "title": "Memasang benang atas dan benang spul",
                            "minutes": 35,
                            "required": True,
                            "body": LESSON_THREADING,
                        },
                    ],
                },
                {
                    "slug": "menjahit-mengatur-dan-merawat",
                    "title": "Menjahit, Mengatur Setik, dan Merawat Mesin",
                    "intro": html(
                        """
                        <p>Modul ini melatih hasil jahitan yang memenuhi standar mutu: setik dan tegangan yang tepat,
                        kampuh yang konsisten, pengenalan cacat, dan perawatan harian mesin.</p>
                        """
                    ),
                    "lessons": [
                        {
                            "slug": "panjang-setik-dan-tegangan",
                            "title": "Panjang setik dan tegangan benang",
                            "minutes": 30,
                            "required": True,
                            "body": LESSON_TENSION,
                        },
                        {
                            "slug": "kampuh-dan-jahitan-dasar",
                            "title": "Kampuh dan jahitan dasar dengan jahitan balik",
                            "minutes": 35,
                            "required": True,
                            "body": LESSON_SEAM,
                        },
                        {
                            "slug": "cacat-jahitan-dan-perawatan",
                            "title": "Cacat jahitan dan perawatan harian",
                            "minutes": 40,
                            "required": True,
                            "body": LESSON_DEFECTS,
                        },
                    ],
                },
            ],
        }
    ],
}
