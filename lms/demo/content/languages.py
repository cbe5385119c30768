"""Demo track "Bahasa": Japanese for the shop floor (romaji first, Japanese script in parentheses)."""

import math

from PIL import Image

from lms.demo.content import interactive
from lms.demo.content.drawing import INK
from lms.demo.content.drawing import arrow as _arrow
from lms.demo.content.drawing import box as _box
from lms.demo.content.drawing import canvas as _canvas
from lms.demo.content.drawing import draw_text as _text

# --- drawing helpers (the default font has Latin letters only, so images use romaji and Indonesian) --------------

MUTED = "#6b7280"
CRIMSON = "#be123c"
CRIMSON_LIGHT = "#ffe4e6"
CREAM = "#fff7ed"
BLUE = "#1d4ed8"
BLUE_LIGHT = "#dbeafe"
GREEN = "#15803d"
GREEN_LIGHT = "#dcfce7"
AMBER = "#b45309"
AMBER_LIGHT = "#fef3c7"
TEAL = "#0f766e"
TEAL_LIGHT = "#ccfbf1"
GREY_LIGHT = "#f3f4f6"
RED_DARK = "#991b1b"


def _bubble(draw, xy, text, fill, colour, size=26):
    x0, y0, x1, y1 = xy
    draw.rounded_rectangle(xy, radius=24, fill=fill)
    draw.polygon([(x0 + 40, y1 - 2), (x0 + 80, y1 - 2), (x0 + 36, y1 + 30)], fill=fill)
    _text(draw, ((x0 + x1) / 2, (y0 + y1) / 2), text, size, colour, "mm")


def _person(draw, foot_x, ground, angle, colour=INK):
    """A side-view stick figure facing right, bowing forward from the hips by `angle` degrees."""
    hip = (foot_x, ground - 120)
    draw.line([(foot_x, ground), hip], fill=colour, width=12)
    draw.line([(foot_x - 6, ground - 4), (foot_x + 26, ground - 4)], fill=colour, width=8)
    rad = math.radians(angle)
    direction = (math.sin(rad), -math.cos(rad))
    shoulder = (hip[0] + 100 * direction[0], hip[1] + 100 * direction[1])
    head = (hip[0] + 136 * direction[0], hip[1] + 136 * direction[1])
    draw.line([hip, shoulder], fill=colour, width=14)
    hand = (hip[0] + 16 + angle * 0.5, hip[1] + 30)
    draw.line([shoulder, hand], fill=colour, width=6)
    draw.ellipse([head[0] - 22, head[1] - 22, head[0] + 22, head[1] + 22], fill=colour)
    return hip


# --- images ------------------------------------------------------------------------------------------------------


def track_cover() -> Image.Image:
    image, draw = _canvas(background=CRIMSON)
    _text(draw, (60, 200), "Bahasa", 72, "white")
    _text(draw, (60, 300), "untuk dunia kerja\ndi kawasan industri", 28, CRIMSON_LIGHT)
    _bubble(draw, (520, 60, 880, 140), "Selamat pagi!", "white", CRIMSON)
    _bubble(draw, (560, 190, 920, 270), "Good morning!", CRIMSON_LIGHT, CRIMSON)
    _bubble(draw, (500, 320, 900, 400), "Ohayou gozaimasu!", "white", CRIMSON)
    return image


def course_cover() -> Image.Image:
    image, draw = _canvas(background=CREAM)
    draw.ellipse([600, 110, 900, 410], fill=CRIMSON)
    _text(draw, (750, 260), "Anzen\ndaiichi", 40, "white", "mm")
    _text(draw, (50, 130), "Bahasa Jepang\nuntuk Dunia Kerja", 52, CRIMSON)
    _text(draw, (50, 330), "Aisatsu  |  Jikoshoukai  |  Shifuto\nAnzen  |  5S  |  Hou-ren-sou", 24, INK)
    return image


def ojigi() -> Image.Image:
    image, draw = _canvas("Tiga tingkat ojigi (membungkuk)")
    ground = 400
    bows = [
        (15, "Eshaku", "berpapasan dengan\nrekan atau atasan"),
        (30, "Keirei", "menyambut tamu,\nmasuk ruang atasan"),
        (45, "Saikeirei", "minta maaf sungguh-\nsungguh, terima kasih"),
    ]
    for i, (angle, name, use) in enumerate(bows):
        x = 150 + i * 300
        draw.line([(x - 90, ground), (x + 130, ground)], fill=MUTED, width=3)
        hip = _person(draw, x, ground, angle, CRIMSON if i == 1 else INK)
        for step in range(0, 150, 16):
            draw.line([(hip[0], hip[1] - step), (hip[0], hip[1] - step - 8)], fill=MUTED, width=2)
        draw.arc([hip[0] - 60, hip[1] - 60, hip[0] + 60, hip[1] + 60], -90, -90 + angle, fill=BLUE, width=4)
        _text(draw, (hip[0] - 12, hip[1] - 90), f"{angle}°", 26, BLUE, "rm")
        _text(draw, (x + 20, ground + 16), name, 26, INK, "ma")
        _text(draw, (x + 20, ground + 52), use, 18, MUTED, "ma")
    return image


def sentence() -> Image.Image:
    image, draw = _canvas("Pola kalimat sopan: kata kerja selalu di akhir")
    rows = [
        (
            [
                ("Subjek", BLUE_LIGHT, BLUE),
                ("wa", GREY_LIGHT, MUTED),
                ("Objek", GREEN_LIGHT, GREEN),
                ("o", GREY_LIGHT, MUTED),
                ("Kata kerja-masu", CRIMSON_LIGHT, CRIMSON),
            ],
            ["Watashi", "wa", "mishin", "o", "tsukaimasu."],
            ["saya", "(topik)", "mesin jahit", "(objek)", "memakai"],
            "= Saya memakai mesin jahit.",
        ),
        (
            [
                ("Subjek", BLUE_LIGHT, BLUE),
                ("wa", GREY_LIGHT, MUTED),
                ("Kata benda", GREEN_LIGHT, GREEN),
                ("desu", CRIMSON_LIGHT, CRIMSON),
            ],
            ["Watashi", "wa", "Budi", "desu."],
            ["saya", "(topik)", "Budi", "(adalah)"],
            "= Saya Budi.",
        ),
    ]
    widths = {"wa": 70, "o": 60, "desu": 110}
    for r, (parts, example, gloss, meaning) in enumerate(rows):
        top = 95 + r * 200
        x = 40
        for (label, fill, outline), word, note in zip(parts, example, gloss, strict=True):
            width = widths.get(label, 200)
            _box(draw, (x, top, x + width, top + 50), label, fill, outline, 18, outline)
            _text(draw, (x + width / 2, top + 64), word, 24, INK, "ma")
            _text(draw, (x + width / 2, top + 100), note, 18, MUTED, "ma")
            x += width + 14
        _text(draw, (40, top + 140), meaning, 22, CRIMSON, "la")
    _text(draw, (480, 505), "Partikel wa ditulis dengan huruf ha, partikel o ditulis dengan huruf wo.", 18, MUTED, "mm")
    return image


def shift() -> Image.Image:
    image, draw = _canvas("Jadwal shift pagi (nikkin): jam 7 sampai jam 16")
    start, end, left, right, top = 7, 17, 60, 900, 230

    def x_at(hour):
        return left + (right - left) * (hour - start) / (end - start)

    blocks = [
        (7.0, 7.25, "", AMBER_LIGHT, AMBER),
        (7.25, 10.0, "Sagyou", BLUE_LIGHT, BLUE),
        (10.0, 10.17, "", GREEN_LIGHT, GREEN),
        (10.17, 12.0, "Sagyou", BLUE_LIGHT, BLUE),
        (12.0, 13.0, "Hiru-\nyasumi", GREEN_LIGHT, GREEN),
        (13.0, 15.0, "Sagyou", BLUE_LIGHT, BLUE),
        (15.0, 15.17, "", GREEN_LIGHT, GREEN),
        (15.17, 16.0, "Sagyou\n+ 5S", BLUE_LIGHT, BLUE),
        (16.0, 17.0, "Zangyou\n(jika ada)", GREY_LIGHT, MUTED),
    ]
    for begin, finish, label, fill, outline in blocks:
        draw.rectangle([x_at(begin), top, x_at(finish), top + 90], fill=fill, outline=outline, width=2)
        if label:
            _text(draw, ((x_at(begin) + x_at(finish)) / 2, top + 45), label, 18, outline, "mm")
    for hour in range(start, end + 1):
        draw.line([(x_at(hour), top + 90), (x_at(hour), top + 102)], fill=INK, width=2)
        _text(draw, (x_at(hour), top + 108), f"{hour:02d}.00", 16, INK, "ma")
    names = {7: "shichi-ji", 9: "ku-ji", 12: "juuni-ji", 16: "juuroku-ji"}
    for hour, name in names.items():
        _text(draw, (x_at(hour), top + 134), name, 16, CRIMSON, "ma")
    callouts = [(7.1, "Chourei (apel pagi)", AMBER, "la"), (10.08, "Kyuukei 10 menit", GREEN, "ma")]
    callouts.append((15.08, "Kyuukei 10 menit", GREEN, "ma"))
    for hour, label, colour, anchor in callouts:
        _arrow(draw, (x_at(hour), top - 50), (x_at(hour), top - 4), colour, 3, 12)
        _text(draw, (x_at(hour) - (14 if anchor == "la" else 0), top - 80), label, 18, colour, anchor)
    legend = "Sagyou = bekerja  |  Kyuukei = istirahat  |  Hiru-yasumi = istirahat siang  |  Zangyou = lembur"
    _text(draw, (480, 440), legend, 18, MUTED, "mm")
    _text(
        draw, (480, 480), "Jam (-ji) menyebut waktu; lama waktu memakai -jikan: ichi-jikan = satu jam.", 18, INK, "mm"
    )
    return image


def hiyari() -> Image.Image:
    image, draw = _canvas("Hukum Heinrich: di balik 1 kecelakaan berat")
    apex, base_y, half = (330, 90), 480, 300
    levels = [
        (0.0, 0.3, "1", "kecelakaan berat", RED_DARK, CRIMSON_LIGHT),
        (0.3, 0.62, "29", "kecelakaan ringan", AMBER, AMBER_LIGHT),
        (0.62, 1.0, "300", "hiyari-hatto\n(nyaris celaka)", GREEN, GREEN_LIGHT),
    ]
    height = base_y - apex[1]
    for top_f, bottom_f, number, label, colour, fill in levels:
        y0, y1 = apex[1] + height * top_f, apex[1] + height * bottom_f
        w0, w1 = half * top_f, half * bottom_f
        draw.polygon(
            [(apex[0] - w0, y0), (apex[0] + w0, y0), (apex[0] + w1, y1), (apex[0] - w1, y1)],
            fill=fill,
            outline=colour,
        )
        middle = (y0 + y1) / 2 + (18 if top_f == 0 else 0)
        _text(draw, (apex[0], middle - 14), number, 30, colour, "mm")
        _text(draw, (apex[0], middle + 22), label, 17 if top_f == 0 else 18, colour, "mm")
    _arrow(draw, (700, 420), (560, 420), GREEN, 5, 20)
    note = "Laporkan dan perbaiki\ndi tingkat ini, sebelum\nmenjadi kecelakaan."
    _text(draw, (710, 420), note, 20, GREEN, "lm")
    caveat = "Angka 1 : 29 : 300 adalah\nperbandingan klasik, bukan\nrumus pasti. Pesannya:\n"
    _text(draw, (660, 150), caveat + "setiap nyaris celaka adalah\nperingatan gratis.", 18, MUTED)
    return image


def five_s() -> Image.Image:
    image, draw = _canvas("5S = 5R: lima kebiasaan tempat kerja")
    items = [
        ("Seiri", "Ringkas", "pilah & singkirkan\nyang tidak perlu"),
        ("Seiton", "Rapi", "tempat tetap\n& berlabel"),
        ("Seisou", "Resik", "bersihkan\nsambil memeriksa"),
        ("Seiketsu", "Rawat", "jadikan standar\n& jadwal"),
        ("Shitsuke", "Rajin", "disiplin\nsetiap hari"),
    ]
    centre, radius, half_w, half_h = (480, 310), 150, 100, 56
    positions = []
    for i in range(5):
        angle = math.radians(-90 + i * 72)
        positions.append((centre[0] + radius * 1.7 * math.cos(angle), centre[1] + radius * math.sin(angle)))

    def outside(point, box_centre):
        return abs(point[0] - box_centre[0]) > half_w + 8 or abs(point[1] - box_centre[1]) > half_h + 8

    for i, a in enumerate(positions):
        b = positions[(i + 1) % 5]
        line = [(a[0] + (b[0] - a[0]) * t / 100, a[1] + (b[1] - a[1]) * t / 100) for t in range(101)]
        free = [p for p in line if outside(p, a) and outside(p, b)]
        _arrow(draw, free[0], free[-1], MUTED, 4, 16)
    for (x, y), (romaji, r5, note) in zip(positions, items, strict=True):
        box = [x - half_w, y - half_h, x + half_w, y + half_h]
        draw.rounded_rectangle(box, radius=16, fill=TEAL_LIGHT, outline=TEAL, width=3)
        _text(draw, (x, y - 32), f"{romaji} = {r5}", 22, TEAL, "mm")
        _text(draw, (x, y + 16), note, 17, INK, "mm")
    _text(draw, centre, "Aman\nCepat\nBermutu", 22, CRIMSON, "mm")
    return image


def horenso() -> Image.Image:
    image, draw = _canvas("Hou-ren-sou: tiga kebiasaan komunikasi")
    columns = [
        (
            "HOU-koku",
            "Melapor",
            "hasil & perkembangan\nkerja ke atasan\n\n'Owarimashita.'\n(sudah selesai)",
            BLUE_LIGHT,
            BLUE,
        ),
        (
            "REN-raku",
            "Memberi kabar",
            "fakta ke semua\npihak terkait\n\n'Okuremasu.'\n(saya akan terlambat)",
            AMBER_LIGHT,
            AMBER,
        ),
        (
            "SOU-dan",
            "Berkonsultasi",
            "minta saran sebelum\nmemutuskan\n\n'Soudan ga arimasu.'\n(saya mau konsultasi)",
            GREEN_LIGHT,
            GREEN,
        ),
    ]
    for i, (name, meaning, detail, fill, outline) in enumerate(columns):
        x0 = 50 + i * 300
        draw.rounded_rectangle([x0, 100, x0 + 260, 440], radius=18, fill=fill, outline=outline, width=3)
        _text(draw, (x0 + 130, 140), name, 30, outline, "mm")
        _text(draw, (x0 + 130, 185), meaning, 22, INK, "mm")
        draw.line([(x0 + 30, 215), (x0 + 230, 215)], fill=outline, width=2)
        _text(draw, (x0 + 130, 325), detail, 18, INK, "mm")
    _text(draw, (480, 490), "Kabar buruk disampaikan paling cepat: jangan menunggu ditanya.", 22, CRIMSON, "mm")
    return image


IMAGES = {
    "bahasa-track-cover": track_cover,
    "jp-course-cover": course_cover,
    "jp-ojigi": ojigi,
    "jp-sentence": sentence,
    "jp-shift": shift,
    "jp-hiyari-hatto": hiyari,
    "jp-5s": five_s,
    "jp-horenso": horenso,
}

# --- lessons ------------------------------------------------------------------------------------------------------


def _check(question, options, explanation):
    """A quick check; options are (text, correct, feedback)."""
    return (
        "quick_check",
        {
            "question": question,
            "options": [{"text": t, "correct": c, "feedback": f} for t, c, f in options],
            "explanation": explanation,
        },
    )


VOCAB_HEADER = ["Jepang", "Romaji", "Arti"]

LESSON_GREETINGS = [
    (
        "text",
        "<h2>Salam adalah bagian dari pekerjaan</h2>"
        "<p>Di perusahaan Jepang, salam (<i>aisatsu</i>, あいさつ) dianggap bagian dari disiplin kerja, sama "
        "pentingnya dengan datang tepat waktu. Salam yang jelas menunjukkan bahwa Anda siap bekerja dan menghormati "
        "tim. Ucapkan dengan suara cukup keras dan jelas, tatap lawan bicara, lalu membungkuk sesuai situasi.</p>"
        "<p>Dalam kursus ini kata Jepang ditulis dengan <b>romaji</b> (huruf Latin). Tulisan Jepang di dalam kurung "
        "membantu Anda mengenali kata yang sama pada papan pengumuman dan rambu di pabrik. Vokal panjang ditulis "
        "ganda: <i>ohayou</i> dibaca \u201cohayoo\u201d, <i>arigatou</i> dibaca \u201carigatoo\u201d.</p>",
    ),
    (
        "table",
        {
            "caption": "Salam kerja sehari-hari",
            "header": ["Jepang", "Romaji", "Arti dan kapan dipakai"],
            "rows": [
                [
                    "おはようございます",
                    "ohayou gozaimasu",
                    "Selamat pagi. Di banyak pabrik juga dipakai sebagai salam pertama saat mulai shift, "
                    "termasuk shift siang atau malam.",
                ],
                [
                    "お疲れ様です",
                    "otsukaresama desu",
                    "Salam serba guna antarrekan kerja (kira-kira: terima kasih atas kerja kerasnya). Dipakai saat "
                    "berpapasan, memulai rapat, atau serah terima shift.",
                ],
                [
                    "失礼します",
                    "shitsurei shimasu",
                    "Permisi. Saat masuk ruangan setelah mengetuk pintu, menyela orang yang sedang bekerja, atau "
                    "menutup telepon.",
                ],
                [
                    "お先に失礼します",
                    "osaki ni shitsurei shimasu",
                    "Permisi, saya pulang duluan. Saat pulang sementara rekan masih bekerja.",
                ],
                [
                    "お疲れ様でした",
                    "otsukaresama deshita",
                    "Terima kasih atas kerja hari ini. Jawaban untuk rekan yang pamit pulang.",
                ],
                [
                    "よろしくお願いします",
                    "yoroshiku onegaishimasu",
                    "Mohon kerja samanya / mohon bantuannya. Setelah perkenalan atau saat meminta tolong.",
                ],
                ["わかりました", "wakarimashita", "Baik, saya mengerti. Jawaban saat menerima instruksi."],
                ["ありがとうございます", "arigatou gozaimasu", "Terima kasih (sopan)."],
                ["すみません", "sumimasen", "Maaf / permisi. Juga untuk memanggil orang dengan sopan."],
                [
                    "申し訳ございません",
                    "moushiwake gozaimasen",
                    "Mohon maaf (sangat sopan). Untuk kesalahan kepada atasan atau pelanggan.",
                ],
            ],
        },
    ),
    (
        "text",
        "<h2>Ojigi: membungkuk sesuai situasi</h2>"
        "<p>Membungkuk (<i>ojigi</i>, お辞儀) dilakukan dari pinggang dengan punggung dan leher tetap lurus, "
        "bukan hanya menundukkan kepala. Pandangan ikut turun ke lantai di depan. Laki-laki biasanya meletakkan "
        "tangan di samping badan; perempuan sering menumpuk tangan di depan. Ada tiga tingkat:</p>",
    ),
    (
        "image",
        {
            "image": "jp-ojigi",
            "caption": "Eshaku 15°, keirei 30°, dan saikeirei 45°: makin dalam bungkuk, makin besar rasa hormat.",
            "alt_text": "Tiga gambar orang dari samping yang membungkuk dari pinggang: eshaku 15 derajat saat "
            "berpapasan, keirei 30 derajat untuk menyambut tamu, saikeirei 45 derajat untuk meminta maaf.",
        },
    ),
    (
        "text",
        "<ul>"
        "<li><b>Eshaku</b> (会釈, sekitar 15°): saat berpapasan dengan rekan atau atasan di lorong.</li>"
        "<li><b>Keirei</b> (敬礼, sekitar 30°): menyambut tamu, masuk ruang atasan, awal dan akhir wawancara.</li>"
        "<li><b>Saikeirei</b> (最敬礼, sekitar 45°): meminta maaf dengan sungguh-sungguh atau berterima kasih "
        "secara mendalam.</li>"
        "</ul>"
        "<h3>Tips di lantai produksi</h3>"
        "<ul>"
        "<li>Banyak perusahaan mengajarkan <i>gosen kourei</i> (語先後礼): ucapkan salam dulu, baru membungkuk.</li>"
        "<li>Jika tangan sedang memegang benda kerja atau Anda sedang mengoperasikan mesin, cukup ucapkan salam "
        "dengan anggukan kecil. <b>Keselamatan lebih penting daripada ojigi.</b></li>"
        "</ul>",
    ),
    _check(
        "Pukul 16.00 shift Anda selesai, sedangkan rekan satu lini masih lembur. Apa yang Anda ucapkan saat pulang?",
        [
            (
                "Osaki ni shitsurei shimasu",
                True,
                "Tepat. Rekan Anda biasanya menjawab \u201cOtsukaresama deshita\u201d.",
            ),
            ("Konnichiwa", False, "Konnichiwa adalah salam siang untuk tamu, bukan untuk pamit pulang."),
            ("Ohayou gozaimasu", False, "Ohayou gozaimasu dipakai saat datang atau mulai shift, bukan saat pulang."),
        ],
        "<p><i>Osaki ni shitsurei shimasu</i> berarti \u201cpermisi, saya duluan\u201d. Ungkapan ini menghormati rekan "
        "yang masih bekerja.</p>",
    ),
]

LESSON_JIKOSHOUKAI = [
    (
        "text",
        "<h2>Struktur perkenalan diri</h2>"
        "<p>Pada hari pertama kerja, saat wawancara dengan perusahaan Jepang, atau ketika <i>chourei</i> (朝礼, apel "
        "pagi), Anda akan diminta melakukan <i>jikoshoukai</i> (自己紹介). Perkenalan yang baik itu singkat "
        "(30\u201360 detik), jelas, dan selalu diawali serta diakhiri dengan kalimat tetap. Berdirilah tegak, "
        "ucapkan kalimat pertama, lalu tutup dengan keirei 30°.</p>",
    ),
    (
        "table",
        {
            "caption": "Contoh jikoshoukai: ganti nama, asal, umur, keahlian, dan hobi dengan data Anda",
            "header": VOCAB_HEADER,
            "rows": [
                ["はじめまして。", "Hajimemashite.", "Salam kenal (saat pertama kali bertemu)."],
                ["ブディと申します。", "Budi to moushimasu.", "Nama saya Budi (sopan). Versi sederhana: Budi desu."],
                [
                    "インドネシアのバタンから来ました。",
                    "Indoneshia no Batan kara kimashita.",
                    "Saya berasal dari Batang, Indonesia.",
                ],
                ["二十二歳です。", "Nijuuni-sai desu.", "Umur saya 22 tahun."],
                [
                    "スマートトレーニングセンターで溶接を勉強しました。",
                    "Sumaato Toreeningu Sentaa de yousetsu o benkyou shimashita.",
                    "Saya belajar pengelasan di Smart Training Center.",
                ],
                ["趣味はサッカーです。", "Shumi wa sakkaa desu.", "Hobi saya sepak bola."],
                ["一生懸命がんばります。", "Isshoukenmei ganbarimasu.", "Saya akan berusaha sekuat tenaga."],
                [
                    "どうぞよろしくお願いします。",
                    "Douzo yoroshiku onegaishimasu.",
                    "Mohon bimbingan dan kerja samanya.",
                ],
            ],
        },
    ),
    (
        "text",
        "<h2>Dua pola kalimat dasar</h2>"
        "<p>Hampir semua kalimat jikoshoukai memakai dua pola berikut. Ingat: dalam bahasa Jepang <b>kata kerja "
        "selalu di akhir kalimat</b>, dan partikel pendek (<i>wa</i>, <i>o</i>, <i>de</i>, <i>kara</i>) menandai "
        "peran setiap kata.</p>",
    ),
    (
        "image",
        {
            "image": "jp-sentence",
            "caption": "Pola Subjek wa Objek o Kata-kerja-masu dan pola Subjek wa Kata-benda desu.",
            "alt_text": "Diagram dua baris. Baris pertama: Subjek, wa, Objek, o, Kata kerja-masu; "
            "contoh Watashi wa mishin o tsukaimasu, artinya saya memakai mesin jahit. Baris kedua: Subjek, wa, "
            "Kata benda, desu; contoh Watashi wa Budi desu, artinya saya Budi.",
        },
    ),
    (
        "text",
        "<ul>"
        "<li><b>wa</b> (ditulis は) menandai topik: <i>Watashi wa ...</i> = \u201cSaya ...\u201d. Subjek sering "
        "dihilangkan jika sudah jelas, misalnya cukup <i>Budi desu</i>.</li>"
        "<li><b>o</b> (ditulis を) menandai objek yang dikenai pekerjaan: <i>mishin o tsukaimasu</i> "
        "(ミシンを使います) = memakai mesin jahit.</li>"
        "<li><b>-masu</b> dan <b>desu</b> adalah bentuk sopan. Gunakan kepada atasan, senior (<i>senpai</i>), dan "
        "tamu.</li>"
        "</ul>"
        "<h3>Kosakata keahlian</h3>"
        "<p><i>housei</i> (縫製) = menjahit garmen, <i>yousetsu</i> (溶接) = mengelas, <i>denki</i> (電気) = "
        "kelistrikan, <i>kikai</i> (機械) = mesin, <i>jidousha</i> (自動車) = otomotif. Umur 20 tahun dibaca khusus: "
        "<i>hatachi</i> (二十歳), bukan <i>nijuu-sai</i>.</p>",
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Nama Anda dalam katakana",
            "text": "<p>Nama orang asing ditulis dengan huruf katakana, mengikuti bunyinya: Budi = ブディ, "
            "Siti = シティ, Rina = リナ. Minta instruktur menuliskan nama Anda, lalu hafalkan bentuknya karena nama "
            "itu akan muncul di kartu absensi, loker, dan papan jadwal.</p>",
        },
    ),
    _check(
        "Manakah susunan yang benar untuk \u201cSaya memeriksa mesin\u201d? (memeriksa = tenken shimasu)",
        [
            ("Watashi wa kikai o tenken shimasu.", True, "Benar: topik, wa, objek, o, lalu kata kerja di akhir."),
            (
                "Watashi wa tenken shimasu kikai o.",
                False,
                "Kata kerja harus berada di akhir kalimat, bukan di tengah.",
            ),
            (
                "Kikai wa watashi o tenken shimasu.",
                False,
                "Susunan ini berarti \u201cmesin memeriksa saya\u201d. Partikel menentukan siapa melakukan apa.",
            ),
        ],
        "<p>Pola <b>Subjek wa Objek o Kata-kerja-masu</b>: <i>Watashi wa kikai o tenken shimasu</i> "
        "(私は機械を点検します).</p>",
    ),
]

LESSON_NUMBERS = [
    (
        "text",
        "<h2>Angka dasar</h2>"
        "<p>Angka dipakai setiap hari di pabrik: nomor lini, jumlah produk, target, dan jam shift. Beberapa angka "
        "punya dua cara baca. Untuk angka 4, 7, dan 9, bentuk <i>yon</i>, <i>nana</i>, dan <i>kyuu</i> paling aman "
        "dipakai saat berhitung karena jarang tertukar; bentuk lain muncul pada nama jam.</p>",
    ),
    (
        "table",
        {
            "caption": "Angka yang paling sering dipakai",
            "header": ["Angka", "Jepang", "Romaji"],
            "rows": [
                ["0", "ゼロ / 零", "zero / rei"],
                ["1", "一", "ichi"],
                ["2", "二", "ni"],
                ["3", "三", "san"],
                ["4", "四", "yon (shi)"],
                ["5", "五", "go"],
                ["6", "六", "roku"],
                ["7", "七", "nana (shichi)"],
                ["8", "八", "hachi"],
                ["9", "九", "kyuu (ku)"],
                ["10", "十", "juu"],
                ["100", "百", "hyaku"],
                ["1.000", "千", "sen"],
            ],
        },
    ),
    (
        "text",
        "<p>Angka 11 sampai 99 disusun seperti menghitung puluhan: 11 = <i>juu-ichi</i>, 20 = <i>ni-juu</i>, "
        "35 = <i>san-juu-go</i>, 48 = <i>yon-juu-hachi</i>.</p>"
        "<h2>Menyebut jam</h2>"
        "<p>Jam = angka + <b>-ji</b> (時). Menit = angka + <b>-fun</b> atau <b>-pun</b> (分). Setengah = <b>han</b> "
        "(半). Perhatikan bentuk khusus: jam 4 = <b>yo-ji</b>, jam 7 = <b>shichi-ji</b>, jam 9 = <b>ku-ji</b>. "
        "Menit yang sering dipakai: 5 = <i>go-fun</i>, 10 = <i>juppun</i>, 15 = <i>juugo-fun</i>, "
        "30 = <i>sanjuppun</i> atau <i>han</i>. Jadwal pabrik di Jepang sering memakai format 24 jam; jika tidak, "
        "pakai <i>gozen</i> (午前, sebelum tengah hari) dan <i>gogo</i> (午後, sesudah tengah hari).</p>",
    ),
    (
        "table",
        {
            "caption": "Jam yang sering muncul pada jadwal shift",
            "header": ["Waktu", "Jepang", "Romaji"],
            "rows": [
                ["07.00", "七時", "shichi-ji"],
                ["07.30", "七時半", "shichi-ji han"],
                ["09.00", "九時", "ku-ji"],
                ["12.00", "十二時", "juuni-ji"],
                ["15.00", "十五時 (午後三時)", "juugo-ji (gogo san-ji)"],
                ["16.10", "十六時十分", "juuroku-ji juppun"],
                ["23.00", "二十三時", "nijuusan-ji"],
                ["04.00", "四時", "yo-ji"],
            ],
        },
    ),
    (
        "image",
        {
            "image": "jp-shift",
            "caption": "Contoh jadwal shift pagi dengan istilah Jepang yang akan Anda dengar setiap hari.",
            "alt_text": "Garis waktu pukul 07.00 sampai 17.00: chourei pukul 07.00, sagyou (bekerja), kyuukei "
            "10 menit pukul 10.00 dan 15.00, hiru-yasumi pukul 12.00 sampai 13.00, sagyou dan 5S sampai 16.00, "
            "lalu zangyou jika ada.",
        },
    ),
    (
        "text",
        "<h3>Kosakata jadwal kerja</h3>"
        "<ul>"
        "<li><i>shifuto</i> (シフト) = shift; <i>nikkin</i> (日勤) = shift siang; <i>yakin</i> (夜勤) = shift malam; "
        "<i>koutai</i> (交代) = pergantian shift.</li>"
        "<li><i>kyuukei</i> (休憩) = istirahat; <i>hiru-yasumi</i> (昼休み) = istirahat siang; <i>yasumi</i> (休み) = "
        "libur.</li>"
        "<li><i>zangyou</i> (残業) = lembur; <i>chikoku</i> (遅刻) = terlambat.</li>"
        "</ul>"
        "<h3>Contoh percakapan</h3>"
        "<p>A: <i>Ashita no shifuto wa nan-ji kara desu ka?</i> (明日のシフトは何時からですか) \u2014 "
        "Shift besok mulai jam berapa?<br>"
        "B: <i>Shichi-ji kara juuroku-ji made desu.</i> (七時から十六時までです) \u2014 Dari jam 7 sampai jam 16.<br>"
        "A: <i>Kyou wa zangyou ga ichi-jikan arimasu.</i> (今日は残業が一時間あります) \u2014 Hari ini ada lembur "
        "satu jam.</p>"
        "<p>Bedakan <b>-ji</b> (pukul) dan <b>-jikan</b> (lama waktu): <i>ni-ji</i> = pukul 2, <i>ni-jikan</i> = "
        "dua jam. <i>kara</i> = dari, <i>made</i> = sampai.</p>",
    ),
    _check(
        "Leader berkata: \u201cKyuukei wa juu-ji kara desu.\u201d Apa artinya?",
        [
            ("Istirahat mulai pukul 10", True, "Benar: kyuukei = istirahat, juu-ji = pukul 10, kara = dari/mulai."),
            ("Lembur sampai pukul 10", False, "Lembur adalah zangyou, dan \u201csampai\u201d adalah made."),
            ("Istirahat selama 10 menit", False, "10 menit adalah juppun. Juu-ji berarti pukul 10."),
        ],
        "<p>Perhatikan akhiran: <b>-ji</b> untuk jam, <b>-fun/-pun</b> untuk menit, <b>-jikan</b> untuk lama "
        "waktu.</p>",
    ),
]

LESSON_SAFETY = [
    (
        "text",
        "<h2>Kata yang harus dipahami dalam satu detik</h2>"
        "<p>Di lantai produksi, seseorang mungkin berteriak dalam bahasa Jepang ketika ada bahaya. Tidak ada waktu "
        "untuk menerjemahkan di kepala. Kata-kata berikut harus langsung membuat Anda <b>berhenti, melihat, dan "
        "menjauh dari bahaya</b>. Banyak di antaranya juga tertulis pada rambu, mesin, dan lantai pabrik.</p>",
    ),
    (
        "callout",
        {
            "kind": "k3",
            "title": "Bereaksi dulu, bertanya kemudian",
            "text": "<p>Jika mendengar <b>Abunai!</b> (危ない, awas/bahaya!) atau <b>Tomare!</b> (止まれ, "
            "berhenti!), segera hentikan gerakan, jauhkan tangan dari mesin, dan lihat sekeliling. Jika mendengar "
            "<b>Kaji da!</b> (火事だ, kebakaran!), <b>Nigete!</b> (逃げて, lari/selamatkan diri!), atau alarm, "
            "ikuti jalur evakuasi ke titik kumpul. Bertanyalah setelah Anda aman. Ketahui letak "
            "<b>hijou teishi botan</b> (非常停止ボタン, tombol henti darurat) di setiap mesin yang Anda pakai.</p>",
        },
    ),
    (
        "table",
        {
            "caption": "Kosakata keselamatan kerja (anzen, 安全)",
            "header": VOCAB_HEADER,
            "rows": [
                ["危ない!", "abunai!", "Awas! Bahaya! (teriakan peringatan)"],
                ["止まれ", "tomare", "Berhenti! (juga tertulis di lantai dan jalur forklift)"],
                ["危険", "kiken", "Bahaya (tulisan pada rambu, mesin, dan area berbahaya)"],
                ["注意", "chuui", "Hati-hati, perhatian"],
                ["立入禁止", "tachiiri kinshi", "Dilarang masuk"],
                ["火気厳禁", "kaki genkin", "Dilarang keras ada api"],
                ["安全第一", "anzen daiichi", "Keselamatan nomor satu"],
                ["非常口", "hijouguchi", "Pintu darurat"],
                ["けが", "kega", "Luka, cedera"],
                [
                    "保護メガネ / ヘルメット / 安全靴",
                    "hogo megane / herumetto / anzengutsu",
                    "Kacamata pelindung / helm / sepatu keselamatan",
                ],
                ["ヒヤリハット", "hiyari-hatto", "Kejadian nyaris celaka (near miss)"],
            ],
        },
    ),
    (
        "text",
        "<h2>Hiyari-hatto: nyaris celaka</h2>"
        "<p><i>Hiyari</i> adalah rasa kaget \u201cdeg!\u201d dan <i>hatto</i> adalah \u201castaga!\u201d. "
        "<b>Hiyari-hatto</b> adalah kejadian yang hampir menyebabkan kecelakaan tetapi belum ada yang terluka, "
        "misalnya hampir terpeleset oli atau jari hampir terjepit. Di perusahaan Jepang setiap hiyari-hatto "
        "dilaporkan, bukan untuk mencari siapa yang salah, melainkan untuk memperbaiki penyebabnya.</p>",
    ),
    (
        "image",
        {
            "image": "jp-hiyari-hatto",
            "caption": "Hukum Heinrich: 1 kecelakaan berat, 29 kecelakaan ringan, 300 kejadian nyaris celaka.",
            "alt_text": "Piramida tiga lapis: puncak 1 kecelakaan berat, tengah 29 kecelakaan ringan, dasar 300 "
            "hiyari-hatto. Panah menunjuk lapisan dasar dengan tulisan: laporkan dan perbaiki di tingkat ini.",
        },
    ),
    (
        "text",
        "<h3>Yubisashi kakunin: tunjuk dan sebut</h3>"
        "<p><i>Yubisashi kakunin</i> (指差し確認) adalah kebiasaan menunjuk sasaran sambil menyebutnya dengan suara "
        "keras, misalnya menunjuk tombol henti darurat dan berkata <i>Hijou teishi botan, yoshi!</i> (tombol henti "
        "darurat, oke!). Mata, tangan, mulut, dan telinga bekerja bersama, sehingga kesalahan karena lengah "
        "berkurang. Kebiasaan ini dipakai luas di perkeretaapian dan pabrik di Jepang.</p>",
    ),
    _check(
        "Anda sedang mengangkat kotak di dekat jalur forklift, lalu seseorang berteriak \u201cAbunai!\u201d. "
        "Apa tindakan yang benar?",
        [
            (
                "Berhenti seketika dan lihat sekeliling untuk mencari sumber bahaya",
                True,
                "Tepat. Reaksi pertama adalah berhenti dan waspada.",
            ),
            (
                "Bertanya \u201cNan desu ka?\u201d (ada apa?) sambil terus berjalan",
                False,
                "Terus berjalan bisa membawa Anda tepat ke arah bahaya. Berhenti dulu, bertanya kemudian.",
            ),
            (
                "Mengabaikannya karena mungkin ditujukan kepada orang lain",
                False,
                "Peringatan keselamatan selalu dianggap untuk Anda sampai terbukti sebaliknya.",
            ),
        ],
        "<p><i>Abunai</i> berarti \u201cawas, bahaya!\u201d. Di lantai produksi, detik pertama setelah peringatan "
        "sangat menentukan.</p>",
    ),
]

LESSON_5S = [
    (
        "text",
        "<h2>Apa itu 5S?</h2>"
        "<p>5S adalah lima kebiasaan menata tempat kerja yang berasal dari Jepang dan dipakai di hampir semua pabrik "
        "modern. Di Indonesia, 5S sering disebut <b>5R</b>: Ringkas, Rapi, Resik, Rawat, Rajin. Tujuannya bukan "
        "sekadar bersih, tetapi membuat kerja lebih aman, cepat, dan bermutu: barang mudah ditemukan, kebocoran "
        "atau kerusakan cepat terlihat, dan jalur evakuasi tidak terhalang.</p>",
    ),
    (
        "table",
        {
            "caption": "Lima S beserta padanan 5R dan contohnya",
            "header": ["Jepang", "Romaji", "5R", "Arti dan contoh di lini produksi"],
            "rows": [
                [
                    "整理",
                    "seiri",
                    "Ringkas",
                    "Pisahkan yang perlu dan tidak perlu, lalu singkirkan yang tidak perlu. Contoh: perca kain dan "
                    "kerucut benang kosong dibuang; alat rusak diberi label merah (akafuda, 赤札).",
                ],
                [
                    "整頓",
                    "seiton",
                    "Rapi",
                    "Setiap barang punya tempat tetap dan berlabel, sehingga bisa diambil dalam hitungan detik. "
                    "Contoh: papan bayangan (shadow board) untuk gunting, obeng, dan kunci pas.",
                ],
                [
                    "清掃",
                    "seisou",
                    "Resik",
                    "Membersihkan sambil memeriksa. Saat mengelap mesin, cari oli bocor, baut longgar, atau kabel "
                    "terkelupas.",
                ],
                [
                    "清潔",
                    "seiketsu",
                    "Rawat",
                    "Menjaga tiga S pertama tetap berjalan dengan standar: jadwal, daftar periksa, dan foto kondisi "
                    "standar.",
                ],
                [
                    "躾 (しつけ)",
                    "shitsuke",
                    "Rajin",
                    "Membiasakan diri mengikuti aturan tanpa harus disuruh; disiplin setiap hari.",
                ],
            ],
        },
    ),
    (
        "image",
        {
            "image": "jp-5s",
            "caption": "5S adalah siklus: setelah shitsuke, kembali ke seiri setiap hari.",
            "alt_text": "Lima kotak melingkar dengan panah searah jarum jam: Seiri sama dengan Ringkas, Seiton sama "
            "dengan Rapi, Seisou sama dengan Resik, Seiketsu sama dengan Rawat, Shitsuke sama dengan Rajin. Di "
            "tengah tertulis aman, cepat, bermutu.",
        },
    ),
    (
        "text",
        "<h3>Ungkapan 5S di tempat kerja</h3>"
        "<ul>"
        "<li><i>Katazukete kudasai.</i> (片付けてください) \u2014 Tolong dirapikan.</li>"
        "<li><i>Moto no basho ni modoshite kudasai.</i> (元の場所に戻してください) \u2014 Tolong kembalikan ke "
        "tempat semula.</li>"
        "<li><i>Souji o shimasu.</i> (掃除をします) \u2014 Saya akan bersih-bersih.</li>"
        "<li><i>Kore wa iranai desu ka?</i> (これはいらないですか) \u2014 Apakah ini tidak diperlukan?</li>"
        "</ul>"
        "<p>Banyak pabrik menjadwalkan lima menit 5S sebelum shift berakhir. Ingat hubungan 5S dengan K3: lantai "
        "licin karena oli dan kabel yang melintang di jalan termasuk penyebab hiyari-hatto yang paling sering.</p>",
    ),
    _check(
        "Anda menggantung obeng dan kunci pas di papan bergambar bentuk setiap alat, sehingga langsung terlihat jika "
        "ada yang hilang. Ini termasuk S yang mana?",
        [
            ("Seiri (Ringkas)", False, "Seiri adalah memilah dan menyingkirkan barang yang tidak perlu."),
            ("Seiton (Rapi)", True, "Benar. Setiap alat punya tempat tetap yang jelas terlihat."),
            ("Shitsuke (Rajin)", False, "Shitsuke adalah disiplin menjalankan aturan setiap hari."),
        ],
        "<p>Papan bayangan (<i>shadow board</i>) adalah contoh klasik <b>seiton</b>: tempat tetap, berlabel, dan "
        "mudah dicek.</p>",
    ),
]

LESSON_HORENSO = [
    (
        "text",
        "<h2>Hou-ren-sou</h2>"
        "<p><i>Hou-ren-sou</i> (報連相) adalah singkatan tiga kebiasaan komunikasi yang sangat dihargai di perusahaan "
        "Jepang. Bunyinya sama dengan <i>hourensou</i> (ほうれん草, bayam), sehingga mudah diingat.</p>",
    ),
    (
        "image",
        {
            "image": "jp-horenso",
            "caption": "Houkoku (melapor), renraku (memberi kabar), soudan (berkonsultasi).",
            "alt_text": "Tiga kolom: HOU-koku melapor hasil dan perkembangan kerja ke atasan, contoh Owarimashita; "
            "REN-raku memberi kabar fakta ke pihak terkait, contoh Okuremasu; SOU-dan minta saran sebelum "
            "memutuskan, contoh Soudan ga arimasu.",
        },
    ),
    (
        "text",
        "<ul>"
        "<li><b>Houkoku</b> (報告) \u2014 melapor: menyampaikan hasil atau perkembangan pekerjaan kepada atasan, "
        "terutama saat pekerjaan selesai atau ada masalah. Sampaikan kesimpulan dulu, baru penjelasannya.</li>"
        "<li><b>Renraku</b> (連絡) \u2014 memberi kabar: membagikan informasi faktual kepada pihak terkait, "
        "misalnya terlambat, izin sakit, atau perubahan jadwal.</li>"
        "<li><b>Soudan</b> (相談) \u2014 berkonsultasi: meminta pendapat atau bantuan sebelum mengambil keputusan, "
        "terutama jika ragu.</li>"
        "</ul>"
        "<p>Prinsip terpenting: <b>kabar buruk disampaikan paling cepat</b>. Menyembunyikan produk cacat atau mesin "
        "bermasalah karena takut dimarahi justru dianggap kesalahan besar.</p>",
    ),
    (
        "table",
        {
            "caption": "Ungkapan untuk meminta bantuan",
            "header": VOCAB_HEADER,
            "rows": [
                [
                    "すみません、ちょっといいですか。",
                    "Sumimasen, chotto ii desu ka?",
                    "Permisi, boleh minta waktu sebentar?",
                ],
                ["もう一度お願いします。", "Mou ichido onegaishimasu.", "Tolong ulangi sekali lagi."],
                ["ゆっくりお願いします。", "Yukkuri onegaishimasu.", "Tolong bicara pelan-pelan."],
                ["わかりません。", "Wakarimasen.", "Saya tidak mengerti."],
                ["教えてください。", "Oshiete kudasai.", "Tolong ajari / beri tahu saya."],
                ["手伝ってください。", "Tetsudatte kudasai.", "Tolong bantu saya."],
                ["これでいいですか。", "Kore de ii desu ka?", "Apakah begini sudah benar?"],
            ],
        },
    ),
    (
        "table",
        {
            "caption": "Ungkapan untuk melaporkan masalah",
            "header": VOCAB_HEADER,
            "rows": [
                ["機械が止まりました。", "Kikai ga tomarimashita.", "Mesinnya berhenti."],
                ["機械の音がおかしいです。", "Kikai no oto ga okashii desu.", "Suara mesinnya aneh."],
                ["不良品が出ました。", "Furyouhin ga demashita.", "Ada produk cacat (NG)."],
                ["部品が足りません。", "Buhin ga tarimasen.", "Komponennya kurang."],
                ["油が漏れています。", "Abura ga morete imasu.", "Ada oli yang bocor."],
                ["けがをしました。", "Kega o shimashita.", "Saya terluka / ada yang terluka."],
                ["終わりました。", "Owarimashita.", "Sudah selesai."],
                ["異常ありません。", "Ijou arimasen.", "Tidak ada kelainan (semua normal)."],
            ],
        },
    ),
    (
        "text",
        "<h3>Contoh laporan lengkap</h3>"
        "<p><i>Sumimasen, Tanaka-san. Houkoku desu. San-ban no mishin ga tomarimashita. Furyouhin ga go-ko "
        "demashita. Dou shimashou ka?</i><br>"
        "(すみません、田中さん。報告です。3番のミシンが止まりました。不良品が5個出ました。どうしましょうか。)</p>"
        "<p>Artinya: Permisi, Pak/Bu Tanaka. Saya mau melapor. Mesin jahit nomor 3 berhenti. Ada 5 produk cacat. "
        "Apa yang sebaiknya saya lakukan?</p>"
        "<p>Perhatikan urutannya: minta perhatian, sebut bahwa ini laporan, sampaikan fakta (apa, di mana, berapa), "
        "lalu minta arahan (soudan). Tambahkan <i>-san</i> (さん) setelah nama orang lain, tetapi <b>jangan</b> "
        "setelah nama Anda sendiri.</p>",
    ),
    _check(
        "Anda menemukan produk cacat hasil kerja Anda sendiri. Menurut prinsip hou-ren-sou, apa yang sebaiknya "
        "dilakukan?",
        [
            (
                "Segera melapor ke leader: \u201cSumimasen, furyouhin ga demashita.\u201d",
                True,
                "Tepat. Laporan cepat mencegah cacat yang sama terulang pada ratusan produk berikutnya.",
            ),
            (
                "Memperbaikinya diam-diam supaya tidak dimarahi",
                False,
                "Penyebab cacat (mesin, bahan, atau cara kerja) tetap ada dan produk cacat akan terus muncul.",
            ),
            (
                "Menunggu akhir shift, lalu melapor bersama laporan harian",
                False,
                "Kabar buruk harus disampaikan paling cepat, bukan ditunda sampai akhir shift.",
            ),
        ],
        "<p>Dalam budaya kerja Jepang, orang yang cepat melapor dihargai. Yang dianggap masalah besar adalah "
        "menyembunyikan masalah.</p>",
    ),
]

LESSON_JAPAN = [
    (
        "text",
        "<h2>Jalur kerja ke Jepang</h2>"
        "<p>Selain bekerja di perusahaan Jepang di kawasan industri, banyak lulusan pelatihan vokasi berangkat ke "
        "Jepang. Dua jalur yang paling umum:</p>"
        "<ul>"
        "<li><b>Magang teknis</b> (<i>ginou jisshuu</i>, 技能実習): pelatihan kerja di perusahaan Jepang, dari "
        "Indonesia melalui program pemerintah (Kementerian Ketenagakerjaan bersama IM Japan) atau melalui LPK yang "
        "berizin sebagai lembaga pengirim. Jepang telah menetapkan bahwa program ini akan diganti dengan sistem "
        "baru bernama <i>ikusei shuurou</i> (育成就労) yang direncanakan mulai 2027. Selalu periksa aturan terbaru "
        "dari sumber resmi.</li>"
        "<li><b>SSW / Tokutei Ginou</b> (特定技能, <i>Specified Skilled Worker</i>): visa kerja untuk bidang "
        "tertentu, misalnya manufaktur, konstruksi, perawatan lansia, dan pertanian. Umumnya syaratnya lulus ujian "
        "keterampilan bidang dan ujian bahasa Jepang: JFT-Basic (level A2) atau JLPT N4 ke atas.</li>"
        "</ul>",
    ),
    (
        "table",
        {
            "caption": "Ujian bahasa Jepang yang sering diminta",
            "header": ["Ujian", "Penyelenggara", "Keterangan"],
            "rows": [
                [
                    "JFT-Basic",
                    "The Japan Foundation",
                    "Berbasis komputer, diadakan rutin di Indonesia. Hasil A2 memenuhi syarat bahasa SSW.",
                ],
                [
                    "JLPT N5",
                    "The Japan Foundation dan JEES",
                    "Tingkat paling dasar: salam, angka, kalimat sederhana seperti di kursus ini.",
                ],
                [
                    "JLPT N4",
                    "The Japan Foundation dan JEES",
                    "Memahami percakapan sehari-hari yang diucapkan agak pelan. Sering menjadi syarat SSW.",
                ],
            ],
        },
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Waspadai penipuan lowongan ke Jepang",
            "text": "<p>Jangan membayar \u201cbiaya jalur cepat\u201d ke rekening pribadi dan jangan menyerahkan "
            "ijazah asli atau paspor kepada perantara yang tidak jelas. Periksa izin LPK di Dinas Tenaga Kerja "
            "setempat, dan tanyakan ke BP3MI di provinsi Anda sebelum menandatangani apa pun.</p>",
        },
    ),
    (
        "text",
        "<h3>Budaya kerja yang perlu dibiasakan sejak sekarang</h3>"
        "<ul>"
        "<li><b>Jikan genshu</b> (時間厳守, tepat waktu): datang 10 menit sebelum shift dan sudah berseragam saat "
        "chourei dimulai.</li>"
        "<li><b>Gomi no bunbetsu</b> (ゴミの分別, memilah sampah): di asrama dan kota di Jepang, sampah wajib "
        "dipilah menurut jenis dan dibuang pada hari yang ditentukan.</li>"
        "<li><b>Hai!</b> yang cepat dan jelas saat dipanggil menunjukkan Anda mendengar dan siap.</li>"
        "<li>Catat instruksi di buku kecil, lalu ulangi untuk memastikan: <i>Kakunin shimasu</i> (確認します, "
        "saya konfirmasi).</li>"
        "</ul>",
    ),
    _check(
        "Seseorang menawarkan \u201cjalur cepat\u201d ke Jepang tanpa ujian, asalkan Anda mentransfer uang muka ke "
        "rekening pribadinya. Apa yang sebaiknya Anda lakukan?",
        [
            (
                "Menolak, lalu memeriksa informasi resmi ke Disnaker, LPK berizin, atau BP3MI",
                True,
                "Tepat. Jalur resmi selalu punya syarat ujian dan proses yang jelas.",
            ),
            (
                "Membayar setengahnya dulu untuk mencoba",
                False,
                "Berapa pun jumlahnya, uang yang ditransfer ke perantara tidak resmi sangat sulit kembali.",
            ),
            (
                "Menyerahkan paspor supaya prosesnya lebih cepat",
                False,
                "Jangan pernah menyerahkan dokumen asli kepada pihak yang tidak jelas.",
            ),
        ],
        "<p>Program magang dan SSW resmi mensyaratkan ujian keterampilan dan bahasa. Tawaran tanpa ujian dengan "
        "pembayaran ke rekening pribadi adalah tanda bahaya.</p>",
    ),
]

# --- track -------------------------------------------------------------------------------------------------------

TRACK = {
    "slug": "bahasa",
    "title": "Bahasa",
    "short_description": "Bahasa asing untuk dunia kerja: berkomunikasi dengan atasan, rekan, dan tamu di "
    "perusahaan asing di kawasan industri, serta bersiap untuk magang dan bekerja di luar negeri.",
    "intro": "<p>Kawasan industri di Batang dan sekitarnya menarik investor dari Jepang, Korea, Tiongkok, dan "
    "negara lain. Kemampuan memahami instruksi kerja, kata peringatan keselamatan, dan salam sehari-hari dalam "
    "bahasa atasan membuat Anda lebih aman, lebih cepat beradaptasi, dan lebih dipercaya.</p>"
    "<p>Kursus di jalur <b>Bahasa</b> berfokus pada bahasa yang benar-benar dipakai di lantai produksi, "
    "bukan tata bahasa akademis. Setiap pelajaran singkat, penuh contoh, dan diakhiri latihan.</p>",
    "icon": "language",
    "colour": "#be123c",
    "image": "bahasa-track-cover",
    "courses": [
        {
            "slug": "bahasa-jepang-dunia-kerja",
            "title": "Bahasa Jepang untuk Dunia Kerja",
            "summary": "Bahasa Jepang praktis untuk peserta yang akan bekerja di pabrik milik perusahaan Jepang di "
            "kawasan industri atau berangkat ke Jepang melalui program magang dan SSW (Tokutei Ginou). Materi "
            "memakai romaji disertai tulisan Jepang: salam dan ojigi, jikoshoukai, angka dan jam shift, kosakata "
            "keselamatan di lantai produksi, 5S, serta cara meminta bantuan dan melaporkan masalah dengan "
            "hou-ren-sou.",
            "outcomes": [
                "Mengucapkan salam kerja sehari-hari dengan ojigi yang sesuai situasi.",
                "Memperkenalkan diri (jikoshoukai) secara sopan dalam 30 sampai 60 detik.",
                "Menyebut dan memahami angka, jam, dan jadwal shift.",
                "Memahami seketika kata peringatan keselamatan seperti abunai, tomare, dan kiken.",
                "Menjelaskan 5S beserta padanan 5R dan menerapkannya di area kerja.",
                "Meminta bantuan dan melaporkan masalah dengan pola hou-ren-sou.",
            ],
            "kkni_level": None,
            "jp_hours": 60,
            "sequential": False,
            "image": "jp-course-cover",
            "modules": [
                {
                    "slug": "salam-perkenalan-dan-jam-kerja",
                    "title": "Salam, Perkenalan, dan Jam Kerja",
                    "intro": "<p>Hari pertama di perusahaan Jepang dimulai dengan salam dan perkenalan diri. Modul "
                    "ini membekali Anda dengan salam kerja, sikap membungkuk, jikoshoukai, serta angka dan jam "
                    "untuk memahami jadwal shift.</p>",
                    "lessons": [
                        {
                            "slug": "salam-kerja-dan-ojigi",
                            "title": "Salam Kerja dan Ojigi",
                            "minutes": 30,
                            "required": True,
                            "body": LESSON_GREETINGS,
                        },
                        {
                            "slug": "jikoshoukai",
                            "title": "Jikoshoukai: Memperkenalkan Diri",
                            "minutes": 35,
                            "required": True,
                            "body": LESSON_JIKOSHOUKAI,
                        },
                        {
                            "slug": "angka-jam-dan-shift",
                            "title": "Angka, Jam, dan Jadwal Shift",
                            "minutes": 35,
                            "required": True,
                            "body": LESSON_NUMBERS,
                        },
                    ],
                },
                {
                    "slug": "keselamatan-5s-dan-melapor",
                    "title": "Keselamatan, 5S, dan Melapor di Lantai Produksi",
                    "intro": "<p>Modul ini berisi bahasa yang melindungi Anda dan rekan kerja: kata peringatan "
                    "bahaya, budaya 5S, dan cara melapor atau meminta bantuan dengan hou-ren-sou.</p>",
                    "lessons": [
                        {
                            "slug": "kosakata-keselamatan-kerja",
                            "title": "Kosakata Keselamatan Kerja",
                            "minutes": 30,
                            "required": True,
                            "body": [*LESSON_SAFETY, *interactive.LANGUAGE_SAFETY],
                        },
                        {
                            "slug": "5s-budaya-kerja-rapi",
                            "title": "5S: Dasar Budaya Kerja Rapi",
                            "minutes": 25,
                            "required": True,
                            "body": LESSON_5S,
                        },
                        {
                            "slug": "hou-ren-sou",
                            "title": "Hou-ren-sou: Melapor dan Meminta Bantuan",
                            "minutes": 35,
                            "required": True,
                            "body": LESSON_HORENSO,
                        },
                        {
                            "slug": "persiapan-magang-dan-ssw",
                            "title": "Pengayaan: Persiapan Magang dan SSW ke Jepang",
                            "minutes": 20,
                            "required": False,
                            "body": LESSON_JAPAN,
                        },
                    ],
                },
            ],
        }
    ],
}
