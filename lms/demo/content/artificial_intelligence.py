"""Demo track "Kecerdasan Artifisial": a first machine-learning model on factory maintenance data."""

import itertools
import math

from PIL import Image

from lms.demo.content.drawing import INK
from lms.demo.content.drawing import arrow as _arrow
from lms.demo.content.drawing import box as _box
from lms.demo.content.drawing import canvas as _canvas
from lms.demo.content.drawing import draw_text as _text

# --- drawing helpers -------------------------------------------------------------------------------------------

MUTED = "#6b7280"
VIOLET = "#6d28d9"
VIOLET_LIGHT = "#ede9fe"
GREEN = "#15803d"
GREEN_LIGHT = "#dcfce7"
RED = "#b91c1c"
RED_LIGHT = "#fee2e2"
AMBER = "#b45309"
AMBER_LIGHT = "#fef3c7"
BLUE = "#1d4ed8"
BLUE_LIGHT = "#dbeafe"
GREY_LIGHT = "#f3f4f6"


def _dashed(draw, start, end, fill=INK, width=3, dash=12):
    length = math.dist(start, end)
    steps = max(1, int(length // dash))
    for i in range(0, steps, 2):
        a, b = i / steps, min(1, (i + 1) / steps)
        draw.line(
            [
                (start[0] + (end[0] - start[0]) * a, start[1] + (end[1] - start[1]) * a),
                (start[0] + (end[0] - start[0]) * b, start[1] + (end[1] - start[1]) * b),
            ],
            fill=fill,
            width=width,
        )


# (hours since service, vibration mm/s) of a small made-up fleet; label = 1 when 0.9 * vibration + hours / 120 > 6.6,
# except the last two rows, which are honest mistakes on the wrong side of the line.
FLEET = [
    (45, 1.4),
    (80, 2.6),
    (95, 2.1),
    (120, 6.4),
    (151, 1.5),
    (170, 3.3),
    (194, 4.3),
    (220, 2.4),
    (250, 6.9),
    (270, 3.9),
    (310, 2.8),
    (330, 5.6),
    (360, 1.9),
    (383, 5.7),
    (405, 4.9),
    (420, 3.1),
    (455, 2.2),
    (470, 7.0),
    (500, 4.1),
    (520, 1.8),
    (540, 3.2),
    (560, 5.2),
    (585, 2.6),
    (60, 3.6),
    (290, 7.8),
    (440, 6.2),
]


def _machines() -> list[tuple[float, float, int]]:
    points = [(hours, vibration, int(0.9 * vibration + hours / 120 > 6.6)) for hours, vibration in FLEET]
    return [*points, (150, 5.6, 0), (470, 2.9, 1)]


def _scatter(draw, box, size=18, labels=True):
    x0, y0, x1, y1 = box
    draw.line([(x0, y1), (x1, y1)], fill=INK, width=3)
    draw.line([(x0, y0), (x0, y1)], fill=INK, width=3)

    def at(hours, vibration):
        return x0 + (x1 - x0) * hours / 600, y1 - (y1 - y0) * vibration / 9

    if labels:
        for hours in range(0, 601, 100):
            x, _ = at(hours, 0)
            draw.line([(x, y1), (x, y1 + 6)], fill=INK, width=2)
            _text(draw, (x, y1 + 10), str(hours), size - 2, MUTED, "ma")
        for vibration in range(0, 10, 2):
            _, y = at(0, vibration)
            draw.line([(x0 - 6, y), (x0, y)], fill=INK, width=2)
            _text(draw, (x0 - 10, y), str(vibration), size - 2, MUTED, "rm")
        _text(draw, ((x0 + x1) / 2, y1 + 38), "Jam sejak servis terakhir", size, INK, "ma")
        _text(draw, (x0 - 52, y0 - 30), "Getaran (mm/s)", size, INK, "la")
    _dashed(draw, at(0, 6.6 / 0.9), at(600, (6.6 - 5) / 0.9), VIOLET, 4)
    for hours, vibration, label in _machines():
        x, y = at(hours, vibration)
        if label:
            draw.rectangle([x - 8, y - 8, x + 8, y + 8], fill=RED, outline="white")
        else:
            draw.ellipse([x - 8, y - 8, x + 8, y + 8], fill=GREEN, outline="white")


# --- images ------------------------------------------------------------------------------------------------------


def track_cover() -> Image.Image:
    image, draw = _canvas(background=VIOLET)
    layers = [[150, 270, 390], [110, 210, 310, 410], [170, 330], [250]]
    xs = [560, 680, 800, 900]
    nodes = [[(x, y) for y in column] for x, column in zip(xs, layers, strict=True)]
    for left, right in itertools.pairwise(nodes):
        for a in left:
            for b in right:
                draw.line([a, b], fill="#a78bfa", width=2)
    for column in nodes:
        for x, y in column:
            draw.ellipse([x - 18, y - 18, x + 18, y + 18], fill="white", outline="#c4b5fd", width=4)
    _text(draw, (60, 190), "Kecerdasan\nArtifisial", 64, "white")
    _text(draw, (60, 380), "Data pabrik  >  model  >  keputusan", 24, "#ede9fe")
    return image


def course_cover() -> Image.Image:
    image, draw = _canvas(background=VIOLET_LIGHT)
    draw.rounded_rectangle([520, 60, 920, 480], radius=24, fill="white", outline=VIOLET, width=4)
    _scatter(draw, (560, 100, 890, 450), labels=False)
    _text(draw, (50, 120), "Model Machine\nLearning Pertama\ndengan Python", 48, VIOLET)
    _text(draw, (50, 380), "pandas  |  scikit-learn  |  data mesin jahit", 22, INK)
    return image


def features_label() -> Image.Image:
    image, draw = _canvas("Pembelajaran terbimbing: fitur masuk, label keluar")
    features = ["Getaran\n5,7 mm/s", "Jam sejak servis\n383 jam", "Suhu motor\n63 °C"]
    _text(draw, (170, 110), "FITUR (X)", 22, BLUE, "ma")
    for i, label in enumerate(features):
        top = 150 + i * 110
        _box(draw, (50, top, 290, top + 86), label, BLUE_LIGHT, BLUE)
        _arrow(draw, (295, top + 43), (395, 270 + i * 30), BLUE)
    _box(draw, (400, 230, 600, 370), "MODEL\n(hasil belajar)", VIOLET_LIGHT, VIOLET, 24, VIOLET)
    _arrow(draw, (605, 300), (690, 300), VIOLET)
    _text(draw, (815, 180), "LABEL (y)", 22, RED, "ma")
    _box(draw, (695, 220, 935, 380), "Perlu servis?\nYA (1)", RED_LIGHT, RED, 26, RED)
    _text(draw, (480, 470), "Model belajar dari ratusan contoh yang labelnya sudah dicatat teknisi.", 20, MUTED, "ma")
    return image


def workflow() -> Image.Image:
    image, draw = _canvas("Alur kerja machine learning di pabrik")
    steps = [
        ("1. Kumpulkan\ndata", BLUE_LIGHT, BLUE),
        ("2. Periksa &\nbersihkan", BLUE_LIGHT, BLUE),
        ("3. Bagi data\nlatih & uji", VIOLET_LIGHT, VIOLET),
        ("4. Latih\nmodel", VIOLET_LIGHT, VIOLET),
        ("5. Evaluasi\n(data uji)", AMBER_LIGHT, AMBER),
        ("6. Pakai &\npantau", GREEN_LIGHT, GREEN),
    ]
    for i, (label, fill, outline) in enumerate(steps):
        row, col = divmod(i, 3)
        left = 70 + col * 300 if row == 0 else 670 - col * 300
        top = 120 + row * 190
        _box(draw, (left, top, left + 220, top + 110), label, fill, outline, 22)
        if i in (0, 1):
            _arrow(draw, (left + 225, top + 55), (left + 295, top + 55))
        if i in (3, 4):
            _arrow(draw, (left - 5, top + 55), (left - 75, top + 55))
    _arrow(draw, (780, 235), (780, 305))
    draw.line([(180, 420), (180, 480), (40, 480), (40, 175), (50, 175)], fill=GREEN, width=4, joint="curve")
    _arrow(draw, (40, 175), (68, 175), GREEN)
    _text(draw, (220, 470), "Data baru & kondisi produksi berubah: ulangi dan perbarui model", 20, GREEN, "la")
    return image


def scatter() -> Image.Image:
    image, draw = _canvas("Dataset mesin jahit: dua fitur, dua label")
    _scatter(draw, (110, 110, 700, 450))
    draw.rectangle([740, 140, 756, 156], fill=RED)
    _text(draw, (770, 148), "Perlu servis (1)", 20, INK, "lm")
    draw.ellipse([740, 190, 756, 206], fill=GREEN)
    _text(draw, (770, 198), "Tidak perlu (0)", 20, INK, "lm")
    _dashed(draw, (736, 250), (760, 250), VIOLET, 4)
    _text(draw, (770, 250), "Batas keputusan", 20, VIOLET, "lm")
    _text(
        draw,
        (740, 300),
        "Di atas garis:\nprediksi perlu servis.\n\nAda titik di sisi\n'salah' garis:\ndata nyata selalu\nber-noise.",
        18,
        MUTED,
    )
    return image


def split() -> Image.Image:
    image, draw = _canvas("Membagi 200 baris data: 80% latih, 20% uji")
    left, right, top = 60, 900, 120
    cut = left + (right - left) * 0.8
    draw.rectangle([left, top, cut, top + 90], fill=VIOLET_LIGHT, outline=VIOLET, width=3)
    draw.rectangle([cut, top, right, top + 90], fill=AMBER_LIGHT, outline=AMBER, width=3)
    _text(draw, ((left + cut) / 2, top + 45), "DATA LATIH: 160 baris\nuntuk belajar (fit)", 22, VIOLET, "mm")
    _text(draw, ((cut + right) / 2, top + 45), "DATA UJI: 40\ndisimpan", 22, AMBER, "mm")
    _text(draw, (left, 250), "stratify=y menjaga perbandingan label tetap sama (37,5% perlu servis):", 20, INK)
    bars = [("Semua data", 125, 75, 200), ("Data latih", 100, 60, 160), ("Data uji", 25, 15, 40)]
    for i, (name, healthy, service, total) in enumerate(bars):
        y = 300 + i * 70
        _text(draw, (left, y + 20), name, 20, INK, "lm")
        width = 400 * total / 200
        x = 220
        split_x = x + width * healthy / total
        draw.rectangle([x, y, split_x, y + 40], fill=GREEN_LIGHT, outline=GREEN, width=2)
        draw.rectangle([split_x, y, x + width, y + 40], fill=RED_LIGHT, outline=RED, width=2)
        _text(draw, (x + width + 14, y + 20), f"{healthy} tidak perlu + {service} perlu servis", 18, MUTED, "lm")
    return image


def confusion() -> Image.Image:
    image, draw = _canvas("Confusion matrix: 40 mesin dalam data uji")
    x0, y0, cell = 300, 140, 170
    cells = [
        ("Negatif benar\n(TN)", 22, GREEN_LIGHT, GREEN),
        ("Positif palsu\n(FP)", 3, AMBER_LIGHT, AMBER),
        ("Negatif palsu\n(FN)", 2, RED_LIGHT, RED),
        ("Positif benar\n(TP)", 13, GREEN_LIGHT, GREEN),
    ]
    for i, (name, count, fill, outline) in enumerate(cells):
        row, col = divmod(i, 2)
        box = (x0 + col * cell, y0 + row * cell, x0 + (col + 1) * cell, y0 + (row + 1) * cell)
        draw.rectangle(box, fill=fill, outline=outline, width=4)
        _text(draw, ((box[0] + box[2]) / 2, box[1] + 60), str(count), 48, outline, "mm")
        _text(draw, ((box[0] + box[2]) / 2, box[1] + 125), name, 18, INK, "mm")
    _text(draw, (x0 + cell, y0 - 40), "PREDIKSI MODEL", 20, INK, "mm")
    _text(draw, (x0 + cell / 2, y0 - 14), "0: tidak perlu", 18, MUTED, "mm")
    _text(draw, (x0 + cell * 1.5, y0 - 14), "1: perlu servis", 18, MUTED, "mm")
    _text(draw, (x0 - 20, y0 + cell / 2), "Sebenarnya 0:\ntidak perlu", 18, MUTED, "rm")
    _text(draw, (x0 - 20, y0 + cell * 1.5), "Sebenarnya 1:\nperlu servis", 18, MUTED, "rm")
    _text(draw, (60, y0 + cell), "LABEL\nSEBENARNYA", 20, INK, "lm")
    notes = "Akurasi = (22 + 13) / 40\n= 0,875\n\nFN = 2: mesin bermasalah\nlolos pemeriksaan.\nKesalahan paling mahal!"
    _text(draw, (700, 170), notes, 20, INK)
    return image


def overfitting() -> Image.Image:
    image, draw = _canvas("Kedalaman pohon vs akurasi: mencari titik yang wajar")
    depths = ["1", "2", "3", "5", "10", "tanpa\nbatas"]
    train = [0.8, 0.869, 0.919, 0.969, 1.0, 1.0]
    test = [0.775, 0.85, 0.875, 0.85, 0.8, 0.775]
    x0, y0, x1, y1 = 120, 100, 700, 440

    def at(i, value):
        return x0 + 40 + i * (x1 - x0 - 80) / 5, y1 - (y1 - y0) * (value - 0.7) / 0.32

    draw.rectangle([at(2, 0)[0] - 35, y0, at(2, 0)[0] + 35, y1], fill=GREEN_LIGHT)
    _text(draw, (at(2, 0)[0], y0 + 8), "wajar", 18, GREEN, "ma")
    draw.line([(x0, y1), (x1, y1)], fill=INK, width=3)
    draw.line([(x0, y0), (x0, y1)], fill=INK, width=3)
    for value in (0.7, 0.8, 0.9, 1.0):
        _, y = at(0, value)
        draw.line([(x0 - 6, y), (x1, y)], fill="#e5e7eb", width=1)
        _text(draw, (x0 - 10, y), f"{value:.1f}".replace(".", ","), 18, MUTED, "rm")
    for i, depth in enumerate(depths):
        _text(draw, (at(i, 0.7)[0], y1 + 10), depth, 18, MUTED, "ma")
    _text(draw, ((x0 + x1) / 2, y1 + 60), "max_depth", 20, INK, "ma")
    for values, colour in ((train, VIOLET), (test, AMBER)):
        points = [at(i, v) for i, v in enumerate(values)]
        draw.line(points, fill=colour, width=4)
        for x, y in points:
            draw.ellipse([x - 7, y - 7, x + 7, y + 7], fill=colour)
    draw.line([(740, 150), (780, 150)], fill=VIOLET, width=4)
    _text(draw, (790, 150), "Akurasi latih", 20, INK, "lm")
    draw.line([(740, 190), (780, 190)], fill=AMBER, width=4)
    _text(draw, (790, 190), "Akurasi uji", 20, INK, "lm")
    _text(
        draw,
        (740, 250),
        "Kiri: underfitting\n(terlalu sederhana)\n\nKanan: overfitting\n(latih 100%,\nuji turun)",
        18,
        MUTED,
    )
    return image


def human_loop() -> Image.Image:
    image, draw = _canvas("Model memberi rekomendasi, manusia memutuskan")
    boxes = [
        ((60, 110, 330, 220), "Data sensor mesin\n(tanpa data pribadi)", BLUE_LIGHT, BLUE),
        ((630, 110, 900, 220), "Model: rekomendasi\n'MJ-017 perlu servis'", VIOLET_LIGHT, VIOLET),
        ((630, 330, 900, 440), "Teknisi memeriksa\nsesuai SOP & K3", AMBER_LIGHT, AMBER),
        ((60, 330, 330, 440), "Keputusan & hasil\nservis dicatat", GREEN_LIGHT, GREEN),
    ]
    for box, label, fill, outline in boxes:
        _box(draw, box, label, fill, outline, 20)
    _arrow(draw, (335, 165), (625, 165))
    _arrow(draw, (765, 225), (765, 325))
    _arrow(draw, (625, 385), (335, 385))
    _arrow(draw, (195, 325), (195, 225))
    _text(draw, (480, 275), "Catatan baru menjadi data latih\nuntuk memperbaiki model", 20, MUTED, "mm")
    _text(draw, (480, 490), "Model tidak pernah menggantikan inspeksi wajib atau pengaman mesin.", 20, RED, "mm")
    return image


IMAGES = {
    "ai-track-cover": track_cover,
    "ai-course-cover": course_cover,
    "ai-features-label": features_label,
    "ai-workflow": workflow,
    "ai-scatter": scatter,
    "ai-split": split,
    "ai-confusion": confusion,
    "ai-overfitting": overfitting,
    "ai-human-loop": human_loop,
}

# --- code samples --------------------------------------------------------------------------------------------------

LOAD_CODE = """import pandas as pd

df = pd.read_csv("mesin_jahit.csv")

print(df.shape)          # (jumlah baris, jumlah kolom)
print(df.head())         # 5 baris pertama
df.info()                # tipe data dan jumlah sel terisi per kolom
print(df.describe())     # min, maks, rata-rata kolom angka
print(df.isna().sum())   # jumlah sel kosong per kolom
print(df["perlu_servis"].value_counts())"""

LOAD_OUTPUT = """(200, 5)
...
id_mesin            0
getaran_mm_s        0
jam_sejak_servis    0
suhu_motor_c        0
perlu_servis        0
dtype: int64
perlu_servis
0    125
1     75
Name: count, dtype: int64"""

XY_CODE = """df = df.dropna()  # buang baris yang masih berisi sel kosong (jika ada)

fitur = ["getaran_mm_s", "jam_sejak_servis", "suhu_motor_c"]
X = df[fitur]            # tabel fitur
y = df["perlu_servis"]   # kolom label

print(X.shape, y.shape)  # (200, 3) (200,)"""

SPLIT_CODE = """from sklearn.model_selection import train_test_split

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, random_state=42, stratify=y
)

print(len(X_train), len(X_test))   # 160 40
print(y_test.value_counts())       # 0: 25, 1: 15"""

TRAIN_CODE = """from sklearn.metrics import accuracy_score, confusion_matrix
from sklearn.tree import DecisionTreeClassifier

model = DecisionTreeClassifier(max_depth=3, random_state=42)
model.fit(X_train, y_train)          # proses belajar

y_pred = model.predict(X_test)       # tebakan untuk 40 mesin uji
print("Akurasi:", accuracy_score(y_test, y_pred))
print(confusion_matrix(y_test, y_pred))"""

PREDICT_CODE = """mesin_baru = pd.DataFrame(
    [[7.8, 410, 68], [2.4, 90, 49]],
    columns=fitur,
)
print(model.predict(mesin_baru))        # contoh: [1 0]
print(model.predict_proba(mesin_baru))  # peluang label 0 dan 1 untuk tiap mesin"""

DEPTH_CODE = """for kedalaman in [1, 2, 3, 5, 10, None]:
    m = DecisionTreeClassifier(max_depth=kedalaman, random_state=42)
    m.fit(X_train, y_train)
    akurasi_latih = m.score(X_train, y_train)
    akurasi_uji = m.score(X_test, y_test)
    print(kedalaman, round(akurasi_latih, 3), round(akurasi_uji, 3))"""

DEPTH_OUTPUT = """1 0.8 0.775
2 0.869 0.85
3 0.919 0.875
5 0.969 0.85
10 1.0 0.8
None 1.0 0.775"""

CV_CODE = """from sklearn.model_selection import cross_val_score

for kedalaman in [2, 3, 5]:
    m = DecisionTreeClassifier(max_depth=kedalaman, random_state=42)
    skor = cross_val_score(m, X_train, y_train, cv=5)  # 5 kali latih-uji di dalam data latih
    print(kedalaman, round(skor.mean(), 3))"""

# --- lessons ------------------------------------------------------------------------------------------------------

LESSON_WHAT_IS_ML = [
    (
        "text",
        "<h2>Dari aturan ke pola</h2>"
        "<p>Program komputer biasa bekerja dengan <b>aturan yang ditulis manusia</b>, misalnya: "
        "<i>jika getaran lebih dari 6 mm/s, nyalakan alarm</i>. Aturan seperti itu mudah dibuat untuk satu sensor, "
        "tetapi sulit ketika banyak faktor saling memengaruhi: getaran, jam operasi, suhu motor, jenis kain, "
        "dan kebiasaan operator.</p>"
        "<p><b>Machine learning</b> (pembelajaran mesin) membalik caranya. Kita memberi komputer banyak "
        "<b>contoh dari masa lalu beserta jawabannya</b>, lalu algoritma mencari pola yang menghubungkan keduanya. "
        "Hasil belajar itu disebut <b>model</b>. Model kemudian dipakai untuk menebak jawaban pada data baru "
        "yang belum pernah dilihatnya.</p>"
        "<h2>Pembelajaran terbimbing: fitur dan label</h2>"
        "<p>Di kursus ini kita memakai <b>pembelajaran terbimbing</b> (<i>supervised learning</i>): setiap contoh "
        "sudah memiliki jawaban yang benar, seperti siswa yang belajar dengan kunci jawaban.</p>"
        "<ul>"
        "<li><b>Fitur</b> adalah data masukan yang sudah diketahui sebelum keputusan dibuat, misalnya getaran "
        "(mm/s), jam operasi sejak servis terakhir, dan suhu motor (°C).</li>"
        "<li><b>Label</b> adalah jawaban yang ingin ditebak, misalnya <code>perlu_servis</code> bernilai 1 (ya) "
        "atau 0 (tidak). Label berasal dari catatan pemeriksaan teknisi pemeliharaan.</li>"
        "<li><b>Model</b> adalah hasil belajar dari ratusan pasangan fitur dan label.</li>"
        "</ul>",
    ),
    (
        "image",
        {
            "image": "ai-features-label",
            "caption": "Tiga fitur dari satu mesin jahit masuk ke model; model menebak labelnya.",
            "alt_text": "Diagram: kotak fitur getaran 5,7 mm/s, jam sejak servis 383 jam, dan suhu motor 63 derajat "
            "mengarah ke kotak model, lalu ke kotak label 'Perlu servis? YA (1)'.",
        },
    ),
    (
        "text",
        "<h3>Klasifikasi atau regresi?</h3>"
        "<ul>"
        "<li><b>Klasifikasi</b>: label berupa kategori. Contoh: mesin perlu servis atau tidak; jahitan lolos QC "
        "atau cacat; jenis cacat (loncat jahitan, kerutan, benang putus).</li>"
        "<li><b>Regresi</b>: label berupa angka. Contoh: memperkirakan persentase produk cacat per shift, "
        "atau konsumsi listrik lini besok.</li>"
        "</ul>"
        "<h3>Alur kerja machine learning</h3>"
        "<p>Proyek ML di pabrik hampir selalu mengikuti langkah yang sama. Perhatikan bahwa langkah terakhir "
        "kembali ke awal: model harus dipantau dan diperbarui ketika mesin, bahan, atau cara kerja berubah.</p>",
    ),
    (
        "image",
        {
            "image": "ai-workflow",
            "caption": "Enam langkah proyek machine learning. Sebagian besar waktu biasanya habis di langkah 1 dan 2.",
            "alt_text": "Diagram alur enam kotak: kumpulkan data, periksa dan bersihkan, bagi data latih dan uji, "
            "latih model, evaluasi dengan data uji, pakai dan pantau, dengan panah kembali ke awal.",
        },
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "Bukan sihir",
            "text": "<p>Model hanya sebaik data yang dipelajarinya. Jika catatan pemeliharaan tidak lengkap atau "
            "salah, model juga akan salah. Karena itu, disiplin mencatat data di lantai produksi adalah bagian "
            "penting dari setiap proyek AI.</p>",
        },
    ),
    (
        "quick_check",
        {
            "question": "Dalam proyek memprediksi apakah mesin jahit perlu servis, manakah yang merupakan label?",
            "options": [
                {
                    "text": "Getaran mesin dalam mm/s",
                    "correct": False,
                    "feedback": "Getaran adalah fitur: data masukan yang diukur sebelum keputusan dibuat.",
                },
                {
                    "text": "Status perlu servis (1 = ya, 0 = tidak)",
                    "correct": True,
                    "feedback": "Tepat. Inilah jawaban yang ingin ditebak model, berasal dari catatan teknisi.",
                },
                {
                    "text": "Jam operasi sejak servis terakhir",
                    "correct": False,
                    "feedback": "Ini juga fitur. Model memakainya untuk menebak label.",
                },
            ],
            "explanation": "<p>Fitur adalah informasi yang tersedia sebelum keputusan; label adalah jawaban yang "
            "ingin diprediksi. Karena labelnya berupa kategori (ya/tidak), ini adalah masalah "
            "<b>klasifikasi</b>.</p>",
        },
    ),
]

LESSON_DATASET = [
    (
        "text",
        "<h2>Kasus: perawatan prediktif di lini jahit</h2>"
        "<p>Sebuah pabrik garmen di kawasan industri Batang memiliki 200 mesin jahit industri. Selama ini mesin "
        "baru diservis setelah rusak, sehingga lini berhenti dan target harian tidak tercapai. Tim pemeliharaan "
        "ingin mengetahui lebih awal <b>mesin mana yang perlu diservis minggu ini</b>.</p>"
        "<p>Setiap mesin dipasangi sensor getaran sederhana. Teknisi mengumpulkan data dalam satu file "
        "<code>mesin_jahit.csv</code> dengan kolom berikut:</p>"
        "<ul>"
        "<li><code>id_mesin</code>: kode mesin, misalnya MJ-001. Hanya penanda, <b>bukan</b> fitur.</li>"
        "<li><code>getaran_mm_s</code>: kecepatan getaran rata-rata dalam mm/s.</li>"
        "<li><code>jam_sejak_servis</code>: jam operasi sejak servis terakhir.</li>"
        "<li><code>suhu_motor_c</code>: suhu motor dalam °C.</li>"
        "<li><code>perlu_servis</code>: label dari teknisi, 1 jika saat diperiksa mesin memang perlu diservis, "
        "0 jika tidak.</li>"
        "</ul>",
    ),
    (
        "table",
        {
            "caption": "Sepuluh baris pertama mesin_jahit.csv (dari 200 baris)",
            "header": ["id_mesin", "getaran_mm_s", "jam_sejak_servis", "suhu_motor_c", "perlu_servis"],
            "rows": [
                ["MJ-001", "5.7", "383", "63", "1"],
                ["MJ-002", "2.1", "95", "48", "0"],
                ["MJ-003", "7.0", "470", "66", "1"],
                ["MJ-004", "1.5", "151", "47", "0"],
                ["MJ-005", "4.3", "194", "55", "0"],
                ["MJ-006", "3.2", "540", "52", "1"],
                ["MJ-007", "6.4", "120", "61", "1"],
                ["MJ-008", "2.8", "310", "51", "0"],
                ["MJ-009", "4.9", "405", "58", "1"],
                ["MJ-010", "3.6", "60", "53", "0"],
            ],
        },
    ),
    (
        "text",
        "<h2>Membaca data dengan mata dulu</h2>"
        "<p>Sebelum menulis kode, biasakan melihat data. Dari tabel di atas sudah tampak pola kasar:</p>"
        "<ul>"
        "<li>Mesin dengan getaran tinggi (MJ-003, MJ-007) cenderung perlu servis.</li>"
        "<li>Mesin dengan getaran rendah tetapi jam operasi sangat panjang (MJ-006) juga perlu servis.</li>"
        "<li>Mesin yang baru diservis dan bergetar halus (MJ-002, MJ-010) umumnya aman.</li>"
        "</ul>"
        "<p>Perhatikan juga bahwa file CSV memakai <b>titik</b> sebagai pemisah desimal (5.7), seperti kebiasaan "
        "Python, bukan koma seperti penulisan bahasa Indonesia (5,7).</p>"
        "<p>Grafik sebar (<i>scatter plot</i>) di bawah menampilkan dua fitur sekaligus. Setiap titik adalah satu "
        "mesin; warna dan bentuknya menunjukkan label. Garis putus-putus adalah <b>batas keputusan</b>, yaitu "
        "pemisah yang dipelajari model: mesin di atas garis diprediksi perlu servis.</p>",
    ),
    (
        "image",
        {
            "image": "ai-scatter",
            "caption": "Grafik sebar getaran terhadap jam sejak servis, dengan batas keputusan model (ilustrasi).",
            "alt_text": "Grafik sebar: sumbu mendatar jam sejak servis 0 sampai 600, sumbu tegak getaran 0 sampai "
            "9 mm/s. Kotak merah (perlu servis) di kanan atas, lingkaran hijau (tidak perlu) di kiri bawah, "
            "dipisahkan garis putus-putus menurun.",
        },
    ),
    (
        "text",
        "<h3>Ciri dataset yang baik</h3>"
        "<ul>"
        "<li><b>Cukup banyak</b>: puluhan contoh cukup untuk latihan, tetapi model sungguhan butuh ratusan atau "
        "ribuan baris.</li>"
        "<li><b>Kedua label terwakili</b>: di dataset ini 75 mesin perlu servis dan 125 tidak.</li>"
        "<li><b>Konsisten</b>: satuan sama (mm/s, jam, °C) dan cara mengukur sama di semua lini.</li>"
        "<li><b>Label jujur</b>: label berasal dari pemeriksaan teknisi, bukan tebakan.</li>"
        "</ul>"
        "<p>Ada dua titik di sisi yang \u201csalah\u201d dari garis. Itu wajar: data nyata selalu mengandung "
        "<i>noise</i>, sehingga tidak ada model yang selalu benar 100%.</p>",
    ),
    (
        "quick_check",
        {
            "question": "Mengapa kolom id_mesin tidak dipakai sebagai fitur?",
            "options": [
                {
                    "text": "Karena kode mesin hanya penanda dan tidak menjelaskan kondisi fisik mesin",
                    "correct": True,
                    "feedback": "Benar. Nomor urut MJ-001 tidak punya hubungan sebab-akibat dengan keausan mesin.",
                },
                {
                    "text": "Karena pandas tidak bisa membaca kolom teks",
                    "correct": False,
                    "feedback": "pandas bisa membaca teks dengan baik. Alasannya adalah makna kolom itu, "
                    "bukan tipe datanya.",
                },
                {
                    "text": "Karena semua kolom teks wajib dihapus dari file CSV",
                    "correct": False,
                    "feedback": "Kolom penanda tetap berguna, misalnya untuk mencari mesin mana yang diprediksi "
                    "bermasalah. Kolom itu hanya tidak dijadikan fitur.",
                },
            ],
            "explanation": "<p>Fitur harus berisi informasi yang secara masuk akal memengaruhi label. Penanda seperti "
            "ID bisa membuat model \u201cmenghafal\u201d mesin tertentu dan tidak berguna untuk mesin baru.</p>",
        },
    ),
]

LESSON_PANDAS = [
    (
        "text",
        "<h2>Menyiapkan lingkungan kerja</h2>"
        "<p>Kita memakai Python 3 dengan dua pustaka utama: <b>pandas</b> untuk mengolah tabel dan "
        "<b>scikit-learn</b> untuk machine learning. Jika belum terpasang, jalankan perintah berikut sekali di "
        "terminal komputer lab:</p>",
    ),
    (
        "code",
        {
            "language": "bash",
            "code": "python -m pip install pandas scikit-learn",
            "caption": "Memasang pandas dan scikit-learn",
        },
    ),
    (
        "text",
        "<h2>Membaca dan memeriksa file CSV</h2>"
        "<p>Simpan <code>mesin_jahit.csv</code> dari instruktur di folder yang sama dengan skrip Anda, lalu "
        "jalankan kode berikut. Hasil baca disimpan dalam variabel <code>df</code> (<i>DataFrame</i>, "
        "yaitu tabel milik pandas).</p>",
    ),
    (
        "code",
        {
            "language": "python",
            "code": LOAD_CODE,
            "caption": "Memuat dataset dan pemeriksaan pertama",
        },
    ),
    (
        "text",
        "<h3>Arti setiap perintah</h3>"
        "<ul>"
        "<li><code>df.shape</code> memberi jumlah baris dan kolom. Hasil <code>(200, 5)</code> berarti 200 mesin "
        "dan 5 kolom.</li>"
        "<li><code>df.head()</code> menampilkan 5 baris pertama untuk memastikan file terbaca dengan benar.</li>"
        "<li><code>df.info()</code> menampilkan tipe data tiap kolom. Kolom angka harus bertipe "
        "<code>int64</code> atau <code>float64</code>. Jika terbaca sebagai teks, biasanya ada salah ketik "
        "seperti koma desimal atau satuan yang ikut ditulis (\u201c5,7 mm/s\u201d).</li>"
        "<li><code>df.describe()</code> memberi nilai minimum, maksimum, dan rata-rata. Gunakan untuk menemukan "
        "nilai mustahil, misalnya suhu motor 650 °C.</li>"
        "<li><code>df.isna().sum()</code> menghitung sel kosong per kolom.</li>"
        "<li><code>value_counts()</code> menghitung jumlah setiap label.</li>"
        "</ul>",
    ),
    (
        "code",
        {
            "language": "text",
            "code": LOAD_OUTPUT,
            "caption": "Sebagian keluaran: tidak ada sel kosong; 125 mesin tidak perlu servis, 75 perlu servis",
        },
    ),
    (
        "text",
        "<h2>Memisahkan fitur (X) dan label (y)</h2>"
        "<p>scikit-learn meminta fitur dan label dalam variabel terpisah. Menurut kebiasaan, fitur diberi nama "
        "<code>X</code> (huruf besar, karena berupa tabel) dan label <code>y</code> (satu kolom).</p>",
    ),
    (
        "code",
        {
            "language": "python",
            "code": XY_CODE,
            "caption": "Memilih kolom fitur dan label",
        },
    ),
    (
        "callout",
        {
            "kind": "info",
            "title": "CSV dari Excel berbahasa Indonesia",
            "text": "<p>Excel dengan pengaturan wilayah Indonesia sering menyimpan CSV dengan pemisah titik koma dan "
            'koma desimal. Tambahkan dua parameter pada <b>pd.read_csv</b>: <b>sep=";"</b> dan '
            '<b>decimal=","</b>, lalu periksa lagi hasilnya dengan <b>df.info()</b>.</p>',
        },
    ),
    (
        "quick_check",
        {
            "question": "Hasil df.isna().sum() menunjukkan kolom suhu_motor_c berisi 4 sel kosong. "
            "Apa langkah yang paling tepat sebelum melatih model?",
            "options": [
                {
                    "text": "Langsung melatih model; scikit-learn pasti mengurus sel kosong sendiri",
                    "correct": False,
                    "feedback": "Banyak model scikit-learn, misalnya LogisticRegression, menolak nilai kosong (NaN) "
                    "dan berhenti dengan error. Jangan melatih model dengan data yang belum diperiksa.",
                },
                {
                    "text": "Cari tahu penyebabnya, lalu hapus baris itu dengan dropna() atau isi dengan nilai "
                    "yang masuk akal",
                    "correct": True,
                    "feedback": "Tepat. Tanyakan ke teknisi mengapa data kosong (sensor mati? lupa dicatat?), "
                    "lalu putuskan cara menanganinya.",
                },
                {
                    "text": "Mengganti semua sel kosong dengan 0",
                    "correct": False,
                    "feedback": "Suhu motor 0 °C mustahil untuk mesin yang sedang bekerja. Nilai palsu seperti "
                    "ini justru menyesatkan model.",
                },
            ],
            "explanation": "<p>Sel kosong harus ditangani dengan sadar. Jika hanya sedikit, menghapus barisnya "
            "dengan <b>dropna()</b> biasanya aman. Jika banyak, cari penyebabnya di lapangan.</p>",
        },
    ),
]

LESSON_SPLIT = [
    (
        "text",
        "<h2>Mengapa data harus dibagi?</h2>"
        "<p>Bayangkan uji kompetensi yang soalnya sama persis dengan soal latihan. Peserta bisa lulus hanya dengan "
        "menghafal, tanpa benar-benar paham. Model machine learning juga bisa \u201cmenghafal\u201d. Karena itu kita "
        "menyisihkan sebagian data yang <b>tidak pernah dilihat model selama belajar</b>.</p>"
        "<ul>"
        "<li><b>Data latih</b> (<i>training set</i>): dipakai model untuk belajar, biasanya 70\u201380% data.</li>"
        "<li><b>Data uji</b> (<i>test set</i>): disimpan, lalu dipakai di akhir untuk mengukur kinerja pada data "
        "yang belum pernah dilihat, biasanya 20\u201330% data.</li>"
        "</ul>",
    ),
    (
        "image",
        {
            "image": "ai-split",
            "caption": "Pembagian 80/20 dengan stratify: perbandingan label sama di data latih dan data uji.",
            "alt_text": "Batang 200 baris dibagi menjadi data latih 160 baris dan data uji 40 baris. Di bawahnya "
            "tiga batang menunjukkan 125 dan 75, 100 dan 60, serta 25 dan 15 mesin tidak perlu dan perlu servis.",
        },
    ),
    (
        "code",
        {
            "language": "python",
            "code": SPLIT_CODE,
            "caption": "Membagi data dengan train_test_split",
        },
    ),
    (
        "text",
        "<h3>Arti parameternya</h3>"
        "<ul>"
        "<li><code>test_size=0.2</code>: 20% data (40 dari 200 mesin) menjadi data uji.</li>"
        "<li><code>random_state=42</code>: pembagian tetap acak, tetapi hasilnya sama setiap kali kode dijalankan. "
        "Angka 42 hanya kebiasaan; angka lain boleh asal konsisten.</li>"
        "<li><code>stratify=y</code>: menjaga perbandingan label. Dataset berisi 37,5% mesin perlu servis, maka "
        "data latih (60 dari 160) dan data uji (15 dari 40) juga berisi 37,5%.</li>"
        "</ul>"
        "<p>Urutan empat variabel hasilnya penting: <code>X_train, X_test, y_train, y_test</code>. Tertukar "
        "sedikit saja, model akan belajar dari data yang salah.</p>"
        "<h3>Aturan emas</h3>"
        "<p>Data uji adalah \u201csoal ujian akhir\u201d. Jangan terus mengutak-atik model hanya demi menaikkan skor "
        "data uji, karena skor itu lama-lama menjadi terlalu optimistis. Untuk proyek sungguhan, uji juga model "
        "dengan data dari periode berikutnya, misalnya catatan bulan depan.</p>",
    ),
    (
        "quick_check",
        {
            "question": "Dataset berisi 500 baris. Dengan test_size=0.2, berapa baris yang masuk data latih?",
            "options": [
                {
                    "text": "100 baris",
                    "correct": False,
                    "feedback": "100 baris (20%) adalah data uji, bukan data latih.",
                },
                {
                    "text": "400 baris",
                    "correct": True,
                    "feedback": "Benar: 80% dari 500 adalah 400 baris untuk belajar.",
                },
                {
                    "text": "500 baris, karena semua data sebaiknya dipakai belajar",
                    "correct": False,
                    "feedback": "Jika semua data dipakai belajar, tidak ada data yang tersisa untuk menguji "
                    "model secara jujur.",
                },
            ],
            "explanation": "<p><b>test_size=0.2</b> berarti 20% untuk uji dan sisanya, 80%, untuk latih.</p>",
        },
    ),
]

LESSON_TRAIN = [
    (
        "text",
        "<h2>Pohon keputusan</h2>"
        "<p>Model pertama kita adalah <b>pohon keputusan</b> (<code>DecisionTreeClassifier</code>). Cara kerjanya "
        "mirip diagram alur buatan teknisi berpengalaman: <i>apakah getaran di atas 5 mm/s? Jika ya, apakah jam "
        "sejak servis di atas 300?</i> dan seterusnya. Algoritma memilih sendiri pertanyaan dan ambang yang paling "
        "baik memisahkan label pada data latih. Pohon keputusan mudah dijelaskan kepada supervisor, sehingga cocok "
        "sebagai model pertama.</p>",
    ),
    (
        "code",
        {
            "language": "python",
            "code": TRAIN_CODE,
            "caption": "Melatih pohon keputusan dan mengukurnya dengan data uji",
        },
    ),
    (
        "text",
        "<h3>Langkah di dalam kode</h3>"
        "<ol>"
        "<li><code>DecisionTreeClassifier(max_depth=3)</code> membuat model kosong yang boleh bertanya paling banyak "
        "3 tingkat.</li>"
        "<li><code>fit(X_train, y_train)</code> adalah proses belajar dari 160 mesin.</li>"
        "<li><code>predict(X_test)</code> membuat tebakan untuk 40 mesin uji.</li>"
        "<li><code>accuracy_score</code> membandingkan tebakan dengan label sebenarnya.</li>"
        "</ol>"
        "<h2>Akurasi saja tidak cukup</h2>"
        "<p>Contoh hasil: akurasi <code>0.875</code>, artinya 35 dari 40 mesin ditebak benar. Angka Anda bisa "
        "sedikit berbeda jika datanya berbeda. Namun kita juga perlu tahu <b>jenis kesalahannya</b>. Untuk itu "
        "dipakai <b>confusion matrix</b>. Di scikit-learn, baris matriks adalah label sebenarnya dan kolom adalah "
        "prediksi, dengan urutan 0 lalu 1, sehingga keluaran <code>[[22 3] [2 13]]</code> dibaca seperti gambar "
        "berikut.</p>",
    ),
    (
        "image",
        {
            "image": "ai-confusion",
            "caption": "Confusion matrix untuk 40 mesin uji: 35 benar, 3 positif palsu, 2 negatif palsu.",
            "alt_text": "Matriks dua kali dua. Baris label sebenarnya, kolom prediksi. Negatif benar 22, positif "
            "palsu 3, negatif palsu 2, positif benar 13. Catatan: akurasi 0,875; negatif palsu paling mahal.",
        },
    ),
    (
        "text",
        "<ul>"
        "<li><b>Negatif benar (TN) = 22</b>: mesin sehat, diprediksi sehat.</li>"
        "<li><b>Positif palsu (FP) = 3</b>: mesin sehat, tetapi diprediksi perlu servis. Teknisi memeriksa mesin "
        "yang sebenarnya baik; rugi sedikit waktu.</li>"
        "<li><b>Negatif palsu (FN) = 2</b>: mesin perlu servis, tetapi diprediksi sehat. Ini kesalahan paling "
        "mahal: mesin bisa rusak di tengah shift.</li>"
        "<li><b>Positif benar (TP) = 13</b>: mesin bermasalah yang berhasil terdeteksi. Dari 15 mesin yang "
        "benar-benar perlu servis, 13 terdeteksi (86,7%). Angka ini disebut <b>recall</b>.</li>"
        "</ul>"
        "<h3>Memakai model untuk mesin baru</h3>"
        "<p>Setelah dinilai cukup baik, model dipakai untuk data minggu ini. Kolomnya harus sama dan berurutan "
        "sama dengan saat pelatihan.</p>",
    ),
    (
        "code",
        {
            "language": "python",
            "code": PREDICT_CODE,
            "caption": "Prediksi untuk dua mesin baru",
        },
    ),
    (
        "quick_check",
        {
            "question": "Dalam perawatan mesin jahit, kesalahan mana yang biasanya paling merugikan?",
            "options": [
                {
                    "text": "Positif palsu: mesin sehat diprediksi perlu servis",
                    "correct": False,
                    "feedback": "Ini membuang sedikit waktu teknisi, tetapi mesin tetap aman dan lini tetap jalan.",
                },
                {
                    "text": "Negatif palsu: mesin bermasalah diprediksi sehat",
                    "correct": True,
                    "feedback": "Benar. Mesin yang lolos bisa rusak mendadak, menghentikan lini, bahkan "
                    "membahayakan operator.",
                },
                {
                    "text": "Keduanya selalu sama ruginya",
                    "correct": False,
                    "feedback": "Biaya kesalahan berbeda-beda. Karena itu kita membaca confusion matrix, bukan "
                    "hanya akurasi.",
                },
            ],
            "explanation": "<p>Akurasi menghitung semua kesalahan sama berat. Confusion matrix menunjukkan "
            "<b>jenis</b> kesalahan, sehingga tim bisa memilih model yang paling sedikit meloloskan mesin "
            "bermasalah.</p>",
        },
    ),
]

LESSON_OVERFITTING = [
    (
        "text",
        "<h2>Gejala overfitting</h2>"
        "<p><b>Overfitting</b> terjadi ketika model mempelajari data latih terlalu rinci, termasuk noise dan "
        "kebetulan, sehingga gagal pada data baru. Tandanya: <b>akurasi data latih sangat tinggi, tetapi akurasi "
        "data uji jauh lebih rendah</b>. Kebalikannya adalah <b>underfitting</b>: model terlalu sederhana sehingga "
        "buruk di kedua data.</p>"
        "<p>Pada pohon keputusan, kompleksitas diatur oleh <code>max_depth</code>. Mari coba beberapa nilai:</p>",
    ),
    (
        "code",
        {
            "language": "python",
            "code": DEPTH_CODE,
            "caption": "Membandingkan kedalaman pohon",
        },
    ),
    (
        "code",
        {
            "language": "text",
            "code": DEPTH_OUTPUT,
            "caption": "Contoh keluaran: kedalaman, akurasi latih, akurasi uji",
        },
    ),
    (
        "image",
        {
            "image": "ai-overfitting",
            "caption": "Akurasi latih terus naik, akurasi uji naik lalu turun: tanda overfitting.",
            "alt_text": "Grafik garis: akurasi latih naik dari 0,8 ke 1,0 seiring kedalaman; akurasi uji naik dari "
            "0,775 ke puncak 0,875 pada kedalaman 3, lalu turun ke 0,775. Kedalaman 3 ditandai wajar.",
        },
    ),
    (
        "text",
        "<h3>Membaca hasilnya</h3>"
        "<ul>"
        "<li><b>Kedalaman 1</b>: hanya satu pertanyaan. Model terlalu sederhana (underfitting).</li>"
        "<li><b>Kedalaman 3</b>: skor uji tertinggi (0,875) dan selisihnya dengan skor latih kecil. Pilihan "
        "yang wajar.</li>"
        "<li><b>Kedalaman 10 atau tanpa batas</b>: akurasi latih 100%, tetapi akurasi uji turun. Model "
        "menghafal setiap mesin di data latih.</li>"
        "</ul>"
        "<h3>Cara mencegah overfitting</h3>"
        "<ul>"
        "<li>Batasi kompleksitas model, misalnya <code>max_depth</code> atau <code>min_samples_leaf</code>.</li>"
        "<li>Tambah data, terutama dari lini, shift, dan jenis mesin yang berbeda.</li>"
        "<li>Pilih fitur yang masuk akal dan buang penanda seperti ID.</li>"
        "<li>Pilih pengaturan dengan <b>validasi silang</b> (<i>cross-validation</i>) di dalam data latih, "
        "sehingga data uji tetap bersih untuk penilaian akhir. Di atas kita memakai data uji hanya agar mudah "
        "dipahami.</li>"
        "</ul>",
    ),
    (
        "code",
        {
            "language": "python",
            "code": CV_CODE,
            "caption": "Memilih max_depth dengan validasi silang 5 lipatan",
        },
    ),
    (
        "quick_check",
        {
            "question": "Model A: akurasi latih 0,99, akurasi uji 0,70. Model B: akurasi latih 0,88, akurasi uji "
            "0,86. Model mana yang sebaiknya dipakai di lini produksi?",
            "options": [
                {
                    "text": "Model A, karena akurasi latihnya hampir sempurna",
                    "correct": False,
                    "feedback": "Selisih 0,29 antara latih dan uji adalah tanda jelas overfitting. Di mesin baru, "
                    "model A akan sering salah.",
                },
                {
                    "text": "Model B, karena skor uji lebih tinggi dan selisihnya kecil",
                    "correct": True,
                    "feedback": "Tepat. Yang penting adalah kinerja pada data yang belum pernah dilihat.",
                },
                {
                    "text": "Tidak ada, karena keduanya pasti overfitting",
                    "correct": False,
                    "feedback": "Model B stabil: skor latih dan uji hampir sama. Itu ciri model yang "
                    "menggeneralisasi dengan baik.",
                },
            ],
            "explanation": "<p>Nilailah model dari data uji dan dari <b>selisih</b> skor latih dan uji. Skor latih "
            "yang sempurna bukan prestasi jika model gagal pada data baru.</p>",
        },
    ),
]

LESSON_RESPONSIBLE = [
    (
        "text",
        "<h2>Data mesin dan data pribadi</h2>"
        "<p>Data getaran dan suhu mesin bukan data pribadi. Namun proyek AI di pabrik mudah bergeser ke data "
        "tentang <b>orang</b>: nama operator yang memakai mesin, NIK, nomor BPJS, rekaman CCTV, data absensi sidik "
        "jari, atau hasil pemeriksaan kesehatan. Begitu data dapat dikaitkan dengan seseorang, berlaku "
        "<b>Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi</b> (UU PDP).</p>",
    ),
    (
        "callout",
        {
            "kind": "warning",
            "title": "Data pribadi dilindungi UU PDP No. 27/2022",
            "text": "<p>Data pribadi adalah data tentang orang yang teridentifikasi atau dapat diidentifikasi. Data "
            "kesehatan, data biometrik (misalnya sidik jari dan wajah), dan data anak termasuk <b>data pribadi "
            "yang bersifat spesifik</b> dengan perlindungan lebih ketat. Jangan menyalin data karyawan ke flashdisk, "
            "grup chat, atau layanan AI daring tanpa izin dan dasar hukum yang jelas. Jika terjadi kebocoran, "
            "perusahaan sebagai pengendali data wajib memberi tahu paling lambat 3 x 24 jam.</p>",
        },
    ),
    (
        "text",
        "<h3>Prinsip praktis untuk proyek AI</h3>"
        "<ul>"
        "<li><b>Tujuan jelas dan terbatas</b>: kumpulkan hanya data yang dibutuhkan. Untuk prediksi servis mesin, "
        "nama operator tidak diperlukan.</li>"
        "<li><b>Sah dan transparan</b>: karyawan diberi tahu data apa yang dipakai dan untuk apa; persetujuan "
        "adalah salah satu dasar pemrosesan yang sah.</li>"
        "<li><b>Samarkan</b>: pakai kode (misalnya OP-017) alih-alih nama dan hapus kolom yang tidak dipakai.</li>"
        "<li><b>Aman</b>: simpan file di server perusahaan dengan hak akses, bukan di laptop pribadi.</li>"
        "<li><b>Hormati hak subjek data</b>: orang berhak mengakses dan memperbaiki datanya, serta berhak "
        "mengajukan keberatan atas keputusan yang hanya didasarkan pada pemrosesan otomatis.</li>"
        "<li><b>Batasi masa simpan</b>: hapus data setelah tidak dibutuhkan lagi sesuai aturan perusahaan.</li>"
        "</ul>"
        "<h2>Bias: ketika data tidak mewakili kenyataan</h2>"
        "<p>Model meniru pola dalam data, termasuk pola yang tidak lengkap atau tidak adil. Contoh di pabrik:</p>"
        "<ul>"
        "<li>Data hanya diambil dari mesin baru di Lini A. Model salah menilai mesin tua di Lini C karena tidak "
        "pernah melihat contoh seperti itu.</li>"
        "<li>Teknisi senior bertugas di shift pagi sehingga kerusakan lebih sering tercatat pada shift pagi. Model "
        "bisa keliru menganggap shift malam jarang bermasalah.</li>"
        "<li>Model penilai \u201ckinerja operator\u201d yang dilatih dari data lama bisa merugikan operator yang "
        "pernah cuti melahirkan atau pekerja penyandang disabilitas, padahal keterampilannya setara.</li>"
        "</ul>",
    ),
    (
        "image",
        {
            "image": "ai-human-loop",
            "caption": "Siklus kerja yang aman: model merekomendasikan, teknisi memeriksa dan memutuskan.",
            "alt_text": "Siklus empat kotak: data sensor mesin tanpa data pribadi, model memberi rekomendasi, "
            "teknisi memeriksa sesuai SOP dan K3, keputusan dan hasil servis dicatat, kembali ke data.",
        },
    ),
    (
        "text",
        "<h3>Manusia tetap memutuskan</h3>"
        "<p>Prinsip kerja yang aman: <b>model memberi rekomendasi, orang yang kompeten memutuskan</b>. Teknisi tetap "
        "memeriksa mesin sesuai SOP dan K3, hasilnya dicatat, dan catatan itu menjadi data baru untuk memperbaiki "
        "model. Jangan pernah menonaktifkan pengaman mesin atau melewati inspeksi wajib hanya karena model berkata "
        "\u201caman\u201d.</p>",
    ),
    (
        "quick_check",
        {
            "question": "Tim ingin menambahkan kolom nama operator dan NIK ke dataset perawatan mesin. "
            "Apa tanggapan yang paling tepat?",
            "options": [
                {
                    "text": "Tambahkan saja; makin banyak kolom, model pasti makin akurat",
                    "correct": False,
                    "feedback": "Kolom yang tidak relevan tidak membuat model lebih baik dan bisa memicu "
                    "overfitting maupun bias.",
                },
                {
                    "text": "Jangan: kolom itu tidak dibutuhkan untuk tujuan prediksi servis dan merupakan data "
                    "pribadi yang wajib dilindungi",
                    "correct": True,
                    "feedback": "Tepat. Prinsip pembatasan tujuan dan minimalisasi data berlaku.",
                },
                {
                    "text": "Boleh, asalkan file dikirim lewat grup chat yang anggotanya sedikit",
                    "correct": False,
                    "feedback": "Grup chat bukan tempat aman untuk data pribadi, berapa pun anggotanya.",
                },
            ],
            "explanation": "<p>Kumpulkan hanya data yang benar-benar dibutuhkan untuk tujuan yang jelas. Data "
            "pribadi yang tidak diperlukan adalah risiko hukum tanpa manfaat.</p>",
        },
    ),
]

# --- track -------------------------------------------------------------------------------------------------------

TRACK = {
    "slug": "kecerdasan-artifisial",
    "title": "Kecerdasan Artifisial",
    "short_description": "Dasar kecerdasan artifisial dan machine learning untuk industri: dari data pabrik hingga "
    "model prediksi pertama dengan Python, dipakai secara aman dan bertanggung jawab.",
    "intro": "<p>Pabrik modern di kawasan industri menghasilkan data setiap detik: getaran mesin, suhu, jumlah "
    "produk, dan hasil pemeriksaan mutu. Jalur <b>Kecerdasan Artifisial</b> mengajarkan cara mengubah data itu "
    "menjadi keputusan yang lebih baik, misalnya memperkirakan mesin yang perlu diservis sebelum rusak.</p>"
    "<p>Materi disusun untuk peserta yang sudah mengenal dasar komputer. Semua contoh memakai Python dan data dari "
    "lantai produksi, serta menekankan pelindungan data pribadi dan keputusan akhir oleh manusia.</p>",
    "icon": "ai",
    "colour": "#6d28d9",
    "image": "ai-track-cover",
    "courses": [
        {
            "slug": "model-machine-learning-pertama-python",
            "title": "Model Machine Learning Pertama dengan Python",
            "summary": "Bangun model machine learning pertama Anda dengan data perawatan mesin jahit industri: "
            "memprediksi apakah mesin perlu diservis dari getaran, jam operasi, dan suhu motor. Anda belajar "
            "konsep pembelajaran terbimbing, memuat data dengan pandas, membagi data latih dan uji, melatih "
            "pohon keputusan dengan scikit-learn, membaca akurasi dan confusion matrix, mengenali overfitting, "
            "serta memakai AI sesuai UU PDP No. 27 Tahun 2022.",
            "outcomes": [
                "Menjelaskan perbedaan fitur dan label, serta membedakan masalah klasifikasi dan regresi.",
                "Memuat dan memeriksa dataset CSV dengan pandas (shape, head, info, describe, sel kosong).",
                "Membagi data menjadi data latih dan data uji dengan train_test_split.",
                "Melatih DecisionTreeClassifier dan membuat prediksi untuk mesin baru.",
                "Menafsirkan akurasi dan confusion matrix, termasuk dampak negatif palsu di lantai produksi.",
                "Mengenali overfitting dan memilih kompleksitas model yang wajar.",
                "Menerapkan prinsip pelindungan data pribadi dan mewaspadai bias dalam proyek AI.",
            ],
            "kkni_level": 4,
            "jp_hours": 40,
            "sequential": True,
            "image": "ai-course-cover",
            "modules": [
                {
                    "slug": "dasar-ml-dan-data-pabrik",
                    "title": "Dasar Machine Learning dan Data Pabrik",
                    "intro": "<p>Modul ini memperkenalkan cara kerja machine learning dan dataset yang dipakai "
                    "sepanjang kursus: catatan perawatan 200 mesin jahit industri. Di akhir modul, data sudah "
                    "terbaca dan siap dilatih.</p>",
                    "lessons": [
                        {
                            "slug": "apa-itu-machine-learning",
                            "title": "Apa Itu Machine Learning?",
                            "minutes": 25,
                            "required": True,
                            "body": LESSON_WHAT_IS_ML,
                        },
                        {
                            "slug": "dataset-perawatan-mesin-jahit",
                            "title": "Mengenal Dataset Perawatan Mesin Jahit",
                            "minutes": 25,
                            "required": True,
                            "body": LESSON_DATASET,
                        },
                        {
                            "slug": "memuat-data-dengan-pandas",
                            "title": "Memuat dan Memeriksa Data dengan pandas",
                            "minutes": 40,
                            "required": True,
                            "body": LESSON_PANDAS,
                        },
                    ],
                },
                {
                    "slug": "melatih-dan-mengevaluasi-model",
                    "title": "Melatih, Mengevaluasi, dan Memakai Model",
                    "intro": "<p>Di modul ini Anda melatih model pertama dengan scikit-learn, mengukur kinerjanya "
                    "secara jujur dengan data uji, mengenali overfitting, dan belajar memakai hasilnya secara "
                    "bertanggung jawab di tempat kerja.</p>",
                    "lessons": [
                        {
                            "slug": "membagi-data-latih-dan-uji",
                            "title": "Membagi Data Latih dan Data Uji",
                            "minutes": 25,
                            "required": True,
                            "body": LESSON_SPLIT,
                        },
                        {
                            "slug": "melatih-model-dan-confusion-matrix",
                            "title": "Melatih Model dan Membaca Confusion Matrix",
                            "minutes": 40,
                            "required": True,
                            "body": LESSON_TRAIN,
                        },
                        {
                            "slug": "overfitting",
                            "title": "Overfitting: Ketika Model Hanya Menghafal",
                            "minutes": 30,
                            "required": True,
                            "body": LESSON_OVERFITTING,
                        },
                        {
                            "slug": "ai-yang-bertanggung-jawab",
                            "title": "Memakai AI secara Bertanggung Jawab",
                            "minutes": 30,
                            "required": True,
                            "body": LESSON_RESPONSIBLE,
                        },
                    ],
                },
            ],
        }
    ],
}
