"""Demo competency standards: one standard and one certification scheme per demo track, and the units each
track's first course covers.

Each standard is written as plain data in the YAML format of ``docs/standards-format.md`` and goes through
``assessments.standards_io.standard_import``, so the demo also proves the importer. Decree numbers, scheme
numbers and unit codes are plausible examples, not quotations of published decrees.

Idempotent: a standard that exists already (same kind and decree number) is left as it is, and so are a
scheme that exists (same number) and a course that already lists units it covers.
"""

import yaml
from django.db import transaction

from assessments.models import CertificationScheme, CompetencyStandard, CourseUnit, SchemeUnit
from assessments.standards_io import standard_import
from courses.models import CoursePage, TrackPage

VALIDITY_MONTHS = 36


def critical(text: str) -> tuple[str, bool]:
    """A critical criterion (aspek kritis)."""
    return (text, True)


def _unit(code: str, title: str, *, description: str, range_statement: str, guide: str, elements: list) -> dict:
    """A unit in the file format; elements are (title, [criterion text or critical(text), ...]), numbered here."""
    numbered = []
    for number, (element_title, criteria) in enumerate(elements, start=1):
        items = []
        for position, criterion in enumerate(criteria, start=1):
            text, is_critical = criterion if isinstance(criterion, tuple) else (criterion, False)
            items.append(
                {"number": f"{number}.{position}", "text": text, **({"critical": True} if is_critical else {})}
            )
        numbered.append({"number": number, "title": element_title, "criteria": items})
    return {
        "code": code,
        "title": title,
        "version": code.rsplit(".", 1)[-1],
        "description": description,
        "range_statement": range_statement,
        "assessment_guide": guide,
        "elements": numbered,
    }


GARMENT = {
    "format": "kompeten-standard/1",
    "kind": "SKKNI",
    "decree_number": "Kepmenaker No. 116 Tahun 2019",
    "title": "SKKNI Kategori Industri Pengolahan Golongan Pokok Industri Pakaian Jadi Bidang Produksi Garmen",
    "year": 2019,
    "sector": "Industri Pengolahan — Industri Pakaian Jadi",
    "units": [
        _unit(
            "C.141110.001.01",
            "Menerapkan Keselamatan dan Kesehatan Kerja (K3) di Stasiun Jahit",
            description="Unit ini berkaitan dengan pengetahuan, keterampilan, dan sikap kerja yang dibutuhkan untuk "
            "bekerja aman di stasiun jahit industri.",
            range_statement="Berlaku untuk stasiun jahit dengan mesin jahit industri bermotor, termasuk mesin "
            "lockstitch, obras, dan kamput.",
            guide="Penilaian dilakukan di tempat kerja atau bengkel jahit yang mensimulasikan lini produksi. "
            "Aspek kritis: daya mesin dimatikan sebelum memasang benang, mengganti jarum, atau membersihkan mesin.",
            elements=[
                (
                    "Mengidentifikasi bahaya di stasiun jahit",
                    [
                        "Bahaya tusukan jarum, tarikan sabuk dan puli, serta sengatan listrik diidentifikasi sesuai "
                        "instruksi kerja.",
                        critical(
                            "Pelindung jari, pelindung sabuk, dan pelindung mata diperiksa terpasang sebelum "
                            "mesin dijalankan."
                        ),
                    ],
                ),
                (
                    "Menerapkan cara kerja aman",
                    [
                        critical(
                            "Daya mesin dimatikan sebelum memasang benang, mengganti jarum, atau membersihkan mesin."
                        ),
                        "Rambut panjang diikat, pakaian longgar dirapikan, dan perhiasan dilepas sebelum bekerja.",
                        "Jarum patah dikumpulkan lengkap dan dilaporkan sesuai prosedur pengendalian jarum.",
                    ],
                ),
            ],
        ),
        _unit(
            "C.141110.002.01",
            "Mengoperasikan Mesin Jahit Lockstitch Jarum Satu",
            description="Unit ini berkaitan dengan menyiapkan dan mengoperasikan mesin jahit lockstitch jarum satu "
            "kecepatan tinggi untuk menjahit kampuh sesuai spesifikasi kerja.",
            range_statement="Kain tenun dan rajut dengan ketebalan ringan sampai sedang; jarum ujung tajam dan ujung "
            "bulat ukuran 9 sampai 16; benang poliester dan katun.",
            guide="Penilaian melalui observasi praktik menjahit kampuh uji dan pertanyaan lisan. Pengetahuan yang "
            "dibutuhkan: bagian-bagian mesin, jalur benang, ukuran jarum. Aspek kritis: keseimbangan tegangan benang.",
            elements=[
                (
                    "Menyiapkan mesin jahit",
                    [
                        "Jarum dipilih sesuai ukuran dan jenis ujung untuk kain yang dijahit.",
                        "Benang atas dipasang mengikuti urutan jalur benang yang benar.",
                        "Spul diisi dan dipasang pada rumah spul dengan arah tarikan yang benar.",
                    ],
                ),
                (
                    "Mengatur setik dan tegangan benang",
                    [
                        "Panjang setik diatur sesuai spesifikasi kerja.",
                        critical(
                            "Tegangan benang atas dan bawah diseimbangkan melalui jahit uji hingga simpul "
                            "berada di tengah lapisan kain."
                        ),
                    ],
                ),
                (
                    "Menjahit kampuh",
                    [
                        "Kampuh dijahit lurus dengan lebar yang konsisten sesuai spesifikasi.",
                        "Jahitan balik dibuat pada awal dan akhir kampuh.",
                        "Kecepatan mesin dikendalikan dengan pedal sesuai bentuk jahitan.",
                    ],
                ),
            ],
        ),
        _unit(
            "C.141110.003.01",
            "Memeriksa Mutu Jahitan dan Merawat Mesin Jahit",
            description="Unit ini berkaitan dengan mengenali cacat jahitan beserta penyebabnya dan melakukan "
            "perawatan harian mesin jahit industri.",
            range_statement="Cacat jahitan meliputi setik loncat, kerutan, benang putus, dan jahitan longgar. "
            "Perawatan harian tidak termasuk penyetelan mesin oleh mekanik.",
            guide="Penilaian melalui observasi, pemeriksaan contoh jahitan cacat, dan pertanyaan lisan. Aspek "
            "kritis: mesin dibersihkan hanya dengan daya mati.",
            elements=[
                (
                    "Memeriksa mutu jahitan",
                    [
                        "Cacat jahitan (setik loncat, kerutan, benang putus) dikenali pada hasil jahitan.",
                        "Penyebab cacat jahitan ditelusuri dan diperbaiki atau dilaporkan.",
                    ],
                ),
                (
                    "Melakukan perawatan harian",
                    [
                        critical(
                            "Debu kain dibersihkan dari area gigi transport dan rumah spul dengan daya mesin mati."
                        ),
                        "Ketinggian oli diperiksa dan ditambah sesuai petunjuk pabrik.",
                        "Kerusakan di luar perawatan harian dilaporkan kepada mekanik.",
                    ],
                ),
            ],
        ),
    ],
}

MECHATRONICS = {
    "format": "kompeten-standard/1",
    "kind": "SKKNI",
    "decree_number": "Kepmenaker No. 58 Tahun 2021",
    "title": "SKKNI Kategori Industri Pengolahan Golongan Pokok Industri Mesin dan Perlengkapan Bidang Mekatronika",
    "year": 2021,
    "sector": "Industri Pengolahan — Otomasi Industri",
    "units": [
        _unit(
            "MEK.OT02.001.01",
            "Menerapkan Prosedur Penguncian dan Penandaan (LOTO) pada Sistem Otomasi",
            description="Unit ini berkaitan dengan mengisolasi semua sumber energi mesin otomatis sebelum "
            "perawatan atau perbaikan, dan memulihkannya dengan aman.",
            range_statement="Sumber energi listrik, pneumatik, hidrolik, dan energi tersimpan (pegas, kapasitor, "
            "beban tergantung) pada lini produksi dan panel kendali.",
            guide="Penilaian melalui demonstrasi LOTO pada panel latih atau mesin di tempat kerja. Aspek kritis: "
            "penguncian dengan gembok pribadi dan pembuktian tidak ada tegangan sebelum bekerja.",
            elements=[
                (
                    "Menyiapkan isolasi energi",
                    [
                        "Semua sumber energi diidentifikasi dari gambar dan label mesin.",
                        "Operator dan pihak terkait diberi tahu sebelum mesin dihentikan.",
                    ],
                ),
                (
                    "Memasang kunci dan label",
                    [
                        critical(
                            "Pemutus daya dimatikan, dikunci dengan gembok pribadi, dan diberi label berisi "
                            "nama serta tanggal."
                        ),
                        critical(
                            "Ketiadaan tegangan dibuktikan dengan alat ukur yang sudah diuji sebelum pekerjaan dimulai."
                        ),
                        "Tombol darurat diperiksa terpasang hard-wired, tidak hanya melalui program PLC.",
                    ],
                ),
                (
                    "Melepas penguncian",
                    [
                        "Alat dan personel dipastikan bebas dari area mesin sebelum gembok dilepas.",
                        "Gembok dan label dilepas hanya oleh orang yang memasangnya.",
                    ],
                ),
            ],
        ),
        _unit(
            "MEK.OT02.002.01",
            "Memprogram PLC dengan Diagram Ladder",
            description="Unit ini berkaitan dengan menyusun, menguji, dan mendokumentasikan program PLC sederhana "
            "dalam diagram ladder sesuai IEC 61131-3.",
            range_statement="PLC kompak dengan input dan output digital 24 VDC; instruksi kontak NO/NC, coil, "
            "timer TON, dan counter CTU.",
            guide="Penilaian melalui tugas praktik memprogram rangkaian start/stop motor dengan timer dan counter, "
            "serta membaca diagram ladder yang ada. Pengetahuan: siklus scan PLC, logika AND/OR.",
            elements=[
                (
                    "Menyusun daftar I/O",
                    [
                        "Alamat input dan output dicatat sesuai gambar pengawatan.",
                        "Kontak NO dan NC dipilih sesuai fungsi tombol dan sensor.",
                    ],
                ),
                (
                    "Menyusun program ladder",
                    [
                        "Rangkaian start/stop motor dengan kontak pengunci disusun memakai tombol stop NC.",
                        "Timer TON dan counter CTU dipakai sesuai urutan kerja mesin.",
                        "Program diuji dalam mode simulasi sebelum diunduh ke PLC.",
                    ],
                ),
                (
                    "Menguji program pada mesin",
                    [
                        "Program diuji rung demi rung sambil memantau status I/O.",
                        "Kesalahan logika diperbaiki dan perubahan program didokumentasikan.",
                    ],
                ),
            ],
        ),
        _unit(
            "MEK.OT02.003.01",
            "Memasang dan Menyambung Sensor ke Input PLC",
            description="Unit ini berkaitan dengan memilih, memasang, dan menyambung sensor proksimiti dan "
            "fotoelektrik ke modul input PLC.",
            range_statement="Sensor induktif, kapasitif, dan fotoelektrik 24 VDC dengan keluaran PNP atau NPN; "
            "modul input sinking dan sourcing.",
            guide="Penilaian melalui praktik pengawatan pada panel latih dan pertanyaan lisan. Aspek kritis: "
            "pengawatan hanya dengan daya mati.",
            elements=[
                (
                    "Memilih sensor",
                    [
                        "Jenis sensor dipilih sesuai bahan dan jarak benda yang dideteksi.",
                        "Keluaran PNP atau NPN dicocokkan dengan modul input PLC (sourcing atau sinking).",
                    ],
                ),
                (
                    "Menyambung sensor",
                    [
                        critical(
                            "Kabel sensor disambung dengan daya mati sesuai kode warna: coklat +24 V, biru 0 V, "
                            "hitam sinyal."
                        ),
                        "Fungsi sensor diperiksa melalui LED indikator sensor dan status input PLC.",
                    ],
                ),
            ],
        ),
    ],
}

EV = {
    "format": "kompeten-standard/1",
    "kind": "SKKNI",
    "decree_number": "Kepmenaker No. 12 Tahun 2023",
    "title": "SKKNI Kategori Perdagangan Besar dan Eceran; Reparasi dan Perawatan Mobil dan Sepeda Motor Bidang "
    "Kendaraan Listrik Berbasis Baterai",
    "year": 2023,
    "sector": "Otomotif — Perawatan Kendaraan Listrik",
    "units": [
        _unit(
            "G.452000.001.01",
            "Menerapkan Keselamatan Kerja pada Sistem Tegangan Tinggi Kendaraan Listrik",
            description="Unit ini berkaitan dengan mengenali bahaya sistem tegangan tinggi kendaraan listrik dan "
            "hybrid serta menyiapkan area kerja dan APD yang sesuai.",
            range_statement="Kendaraan listrik baterai dan hybrid dengan sistem tegangan kelas B (di atas 60 VDC); "
            "bengkel perawatan dan dealer.",
            guide="Penilaian melalui observasi persiapan kerja dan tes tertulis. Aspek kritis: sarung tangan "
            "isolasi diperiksa dengan uji tiup sebelum dipakai.",
            elements=[
                (
                    "Mengidentifikasi bahaya tegangan tinggi",
                    [
                        "Komponen tegangan tinggi (baterai HV, inverter, motor, konverter DC-DC, on-board charger) "
                        "dan kabel oranye dikenali.",
                        "Bahaya sengatan listrik, busur listrik, dan thermal runaway dijelaskan beserta tandanya.",
                    ],
                ),
                (
                    "Menyiapkan area kerja dan APD",
                    [
                        "Area kerja dibatasi dan diberi tanda peringatan tegangan tinggi.",
                        critical("Sarung tangan isolasi kelas 0 diperiksa dengan uji tiup sebelum dipakai."),
                        "Pelindung wajah dan alat berisolasi 1000 V disiapkan dalam kondisi baik.",
                    ],
                ),
            ],
        ),
        _unit(
            "G.452000.002.01",
            "Melakukan Isolasi dan Verifikasi Nol Tegangan Sistem Tegangan Tinggi",
            description="Unit ini berkaitan dengan memutus sistem tegangan tinggi dan membuktikan bahwa sistem "
            "sudah bebas tegangan sebelum pekerjaan dimulai.",
            range_statement="Service disconnect manual maupun melalui alat diagnosis; alat ukur CAT III 1000 V.",
            guide="Penilaian melalui demonstrasi prosedur pada kendaraan latih. Aspek kritis: waktu pengosongan "
            "kapasitor ditunggu dan metode uji-ukur-uji diterapkan.",
            elements=[
                (
                    "Mengisolasi sistem tegangan tinggi",
                    [
                        "Kunci kontak dimatikan dan kunci disimpan jauh dari kendaraan.",
                        critical(
                            "Service disconnect dicabut sesuai manual servis, lalu waktu pengosongan kapasitor "
                            "yang ditetapkan ditunggu."
                        ),
                    ],
                ),
                (
                    "Memverifikasi nol tegangan",
                    [
                        critical(
                            "Alat ukur diuji pada sumber tegangan yang diketahui sebelum dan sesudah pengukuran "
                            "(uji-ukur-uji)."
                        ),
                        "Tegangan diukur antara kutub positif, kutub negatif, dan bodi hingga terbukti nol.",
                        "Hasil verifikasi dicatat dan kendaraan diberi label sedang dikerjakan.",
                    ],
                ),
            ],
        ),
        _unit(
            "G.452000.003.01",
            "Memeriksa Kondisi Baterai Tegangan Tinggi",
            description="Unit ini berkaitan dengan membaca data kondisi baterai, memeriksa tahanan isolasi, dan "
            "menangani baterai yang rusak dengan aman.",
            range_statement="Baterai litium NMC dan LFP; alat diagnosis dan penguji tahanan isolasi.",
            guide="Penilaian melalui praktik pembacaan data dan studi kasus. Aspek kritis: baterai rusak dikarantina.",
            elements=[
                (
                    "Membaca data baterai",
                    [
                        "SoC dan SoH baterai dibaca dengan alat diagnosis.",
                        "Perbedaan karakter sel NMC dan LFP dijelaskan.",
                    ],
                ),
                (
                    "Memeriksa tahanan isolasi",
                    [
                        "Uji tahanan isolasi dilakukan pada tegangan uji sesuai manual servis.",
                        "Nilai tahanan isolasi dibandingkan dengan batas minimum (500 ohm per volt) dan temuannya "
                        "dilaporkan.",
                    ],
                ),
                (
                    "Menangani baterai yang rusak",
                    [
                        critical("Baterai yang menggembung, bocor, atau panas dipindahkan ke area karantina."),
                        "Tindakan pertama saat thermal runaway mengikuti prosedur tanggap darurat bengkel.",
                    ],
                ),
            ],
        ),
    ],
}

AI = {
    "format": "kompeten-standard/1",
    "kind": "SKKNI",
    "decree_number": "Kepmenaker No. 210 Tahun 2022",
    "title": "SKKNI Kategori Informasi dan Komunikasi Golongan Pokok Aktivitas Pemrograman dan Konsultasi Komputer "
    "Bidang Kecerdasan Artifisial",
    "year": 2022,
    "sector": "Informasi dan Komunikasi",
    "units": [
        _unit(
            "J.620100.001.01",
            "Menyiapkan Data untuk Pembelajaran Mesin",
            description="Unit ini berkaitan dengan memuat, memeriksa, dan membagi data tabular untuk melatih model "
            "pembelajaran mesin terbimbing.",
            range_statement="Data tabular berformat CSV dari lantai produksi; Python dengan pandas dan scikit-learn.",
            guide="Penilaian melalui proyek kecil di buku catatan Jupyter dan tanya jawab. Aspek kritis: data uji "
            "dipisahkan dan tidak dipakai selama pelatihan.",
            elements=[
                (
                    "Memuat dan memeriksa data",
                    [
                        "Dataset dimuat dengan pandas dan strukturnya diperiksa (shape, info, describe).",
                        "Sel kosong dan nilai yang tidak wajar diidentifikasi dan ditangani sesuai aturan yang "
                        "disepakati.",
                    ],
                ),
                (
                    "Menentukan fitur dan label",
                    [
                        "Fitur dan label ditentukan sesuai masalah yang akan diselesaikan.",
                        "Jenis masalah (klasifikasi atau regresi) ditentukan dari jenis label.",
                    ],
                ),
                (
                    "Membagi data latih dan data uji",
                    [
                        "Data dibagi dengan train_test_split memakai random_state tetap.",
                        critical("Data uji tidak dipakai selama pelatihan maupun pemilihan model."),
                    ],
                ),
            ],
        ),
        _unit(
            "J.620100.002.01",
            "Membangun dan Mengevaluasi Model Klasifikasi",
            description="Unit ini berkaitan dengan melatih model klasifikasi sederhana, membuat prediksi, dan "
            "menilai kinerjanya secara jujur.",
            range_statement="Model pohon keputusan (DecisionTreeClassifier); metrik akurasi dan confusion matrix.",
            guide="Penilaian melalui proyek dan presentasi hasil. Pengetahuan: overfitting, positif palsu, negatif "
            "palsu.",
            elements=[
                (
                    "Melatih model",
                    [
                        "DecisionTreeClassifier dilatih pada data latih.",
                        "Prediksi dibuat untuk data mesin yang baru.",
                    ],
                ),
                (
                    "Mengevaluasi model",
                    [
                        "Akurasi dan confusion matrix dihitung pada data uji.",
                        "Dampak negatif palsu dan positif palsu di lantai produksi dijelaskan.",
                        "Overfitting dikenali dari selisih kinerja pada data latih dan data uji, lalu kompleksitas "
                        "model disesuaikan.",
                    ],
                ),
            ],
        ),
        _unit(
            "J.620100.003.01",
            "Menerapkan Pelindungan Data Pribadi dan Etika dalam Proyek Kecerdasan Artifisial",
            description="Unit ini berkaitan dengan melindungi data pribadi dan memakai kecerdasan artifisial secara "
            "bertanggung jawab sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
            range_statement="Dataset yang memuat data karyawan atau pelanggan; model yang dipakai untuk mendukung "
            "keputusan.",
            guide="Penilaian melalui studi kasus dan wawancara. Aspek kritis: data pribadi yang tidak diperlukan "
            "dihapus atau disamarkan sebelum pelatihan.",
            elements=[
                (
                    "Melindungi data pribadi",
                    [
                        "Data pribadi dalam dataset diidentifikasi sesuai UU Pelindungan Data Pribadi.",
                        critical(
                            "Data pribadi yang tidak diperlukan dihapus atau disamarkan sebelum dipakai melatih model."
                        ),
                        "Akses ke dataset dibatasi hanya untuk pihak yang berwenang.",
                    ],
                ),
                (
                    "Menerapkan AI secara bertanggung jawab",
                    [
                        "Potensi bias dalam data dan model diidentifikasi dan dilaporkan.",
                        "Keputusan akhir yang berdampak pada orang tetap diambil oleh manusia.",
                    ],
                ),
            ],
        ),
    ],
}

LANGUAGES = {
    "format": "kompeten-standard/1",
    "kind": "SKKK",
    "decree_number": "Kepdirjen Binalavotas No. 2/1209/LP.00.00/VI/2022",
    "title": "SKKK Bahasa Jepang untuk Pekerja Industri Manufaktur",
    "year": 2022,
    "sector": "Jasa Pendidikan — Bahasa Kerja",
    "units": [
        _unit(
            "P.854990.001.01",
            "Berkomunikasi Lisan dalam Bahasa Jepang pada Situasi Kerja Sehari-hari",
            description="Unit ini berkaitan dengan salam, perkenalan diri, serta angka dan jam kerja dalam bahasa "
            "Jepang di perusahaan Jepang.",
            range_statement="Situasi kerja sehari-hari di pabrik: awal dan akhir shift, rapat pagi (chourei), "
            "bertemu atasan dan tamu.",
            guide="Penilaian melalui tes lisan dan bermain peran. Pengetahuan: romaji, hiragana dasar, dan "
            "tingkat kesopanan bahasa.",
            elements=[
                (
                    "Menyampaikan salam kerja",
                    [
                        "Salam kerja (ohayou gozaimasu, otsukaresama desu, shitsurei shimasu) diucapkan sesuai waktu "
                        "dan situasi.",
                        "Ojigi dilakukan dengan sudut yang sesuai situasi.",
                    ],
                ),
                (
                    "Memperkenalkan diri",
                    [
                        "Jikoshoukai disampaikan secara sopan dalam 30 sampai 60 detik.",
                        "Angka, jam, dan jadwal shift disebut dan dipahami dengan benar.",
                    ],
                ),
            ],
        ),
        _unit(
            "P.854990.002.01",
            "Memahami Instruksi dan Peringatan Keselamatan Kerja dalam Bahasa Jepang",
            description="Unit ini berkaitan dengan memahami kata peringatan, tanda keselamatan, dan instruksi kerja "
            "lisan dalam bahasa Jepang.",
            range_statement="Lantai produksi dengan mesin bergerak, forklift, dan area terlarang.",
            guide="Penilaian melalui simulasi respons terhadap peringatan dan tes menyimak. Aspek kritis: respons "
            "seketika terhadap kata peringatan.",
            elements=[
                (
                    "Memahami kata peringatan",
                    [
                        critical(
                            "Kata peringatan abunai, tomare, dan kiken dipahami dan direspons seketika dengan "
                            "menghentikan gerakan."
                        ),
                        "Tanda keselamatan bertuliskan 危険 (kiken) dan 立入禁止 (tachiiri kinshi) dikenali.",
                    ],
                ),
                (
                    "Menjalankan instruksi kerja",
                    [
                        "Instruksi kerja lisan yang singkat diulang kembali (fukushou) untuk memastikan pemahaman.",
                        critical("Pertanyaan diajukan bila instruksi belum dipahami, sebelum pekerjaan dimulai."),
                    ],
                ),
            ],
        ),
        _unit(
            "P.854990.003.01",
            "Menerapkan 5S dan Pelaporan Hou-Ren-Sou di Tempat Kerja",
            description="Unit ini berkaitan dengan budaya kerja 5S dan cara melapor, memberi tahu, serta "
            "berkonsultasi (hou-ren-sou) dalam bahasa Jepang.",
            range_statement="Area kerja perorangan dan bersama; laporan lisan kepada atasan dan rekan kerja.",
            guide="Penilaian melalui observasi di area kerja dan bermain peran pelaporan masalah.",
            elements=[
                (
                    "Menerapkan 5S",
                    [
                        "Istilah seiri, seiton, seisou, seiketsu, dan shitsuke dijelaskan beserta padanan 5R.",
                        "Area kerja dirapikan sesuai prinsip 5S pada akhir shift.",
                    ],
                ),
                (
                    "Melapor dengan pola hou-ren-sou",
                    [
                        "Masalah di lantai produksi dilaporkan (houkoku) kepada atasan dengan kalimat sederhana.",
                        "Perubahan atau kendala diberitahukan (renraku) kepada rekan kerja terkait.",
                        "Konsultasi (soudan) dilakukan sebelum mengambil keputusan di luar instruksi.",
                    ],
                ),
            ],
        ),
    ],
}

# track slug (lms.demo.content) → the standard, and the scheme built from its units (codes of optional units).
DEMO_STANDARDS = [
    {
        "track": "teknologi-garmen-dan-fesyen",
        "file": "skkni-produksi-garmen.yaml",
        "standard": GARMENT,
        "scheme": {
            "kind": CertificationScheme.Kind.OKUPASI,
            "number": "SKM/LSP-GRM/OPJ/01/2024",
            "title": "Skema Sertifikasi Okupasi Operator Jahit Industri",
            "kkni_level": 2,
            "optional": ["C.141110.003.01"],
        },
    },
    {
        "track": "mekatronika-dan-otomasi-industri",
        "file": "skkni-mekatronika.yaml",
        "standard": MECHATRONICS,
        "scheme": {
            "kind": CertificationScheme.Kind.KKNI,
            "number": "SKM/LSP-MEK/KKNI-III/02/2024",
            "title": "Skema Sertifikasi KKNI Level III Bidang Mekatronika",
            "kkni_level": 3,
            "optional": ["MEK.OT02.003.01"],
        },
    },
    {
        "track": "otomotif-kendaraan-listrik",
        "file": "skkni-kendaraan-listrik.yaml",
        "standard": EV,
        "scheme": {
            "kind": CertificationScheme.Kind.KLASTER,
            "number": "SKM/LSP-OTO/KL-EV/03/2024",
            "title": "Skema Sertifikasi Klaster Keselamatan Kerja Tegangan Tinggi Kendaraan Listrik",
            "kkni_level": 3,
            "optional": ["G.452000.003.01"],
        },
    },
    {
        "track": "kecerdasan-artifisial",
        "file": "skkni-kecerdasan-artifisial.yaml",
        "standard": AI,
        "scheme": {
            "kind": CertificationScheme.Kind.OKUPASI,
            "number": "SKM/LSP-TIK/OK-ML/04/2024",
            "title": "Skema Sertifikasi Okupasi Asisten Pengembang Machine Learning",
            "kkni_level": 4,
            "optional": [],
        },
    },
    {
        "track": "bahasa",
        "file": "skkk-bahasa-jepang-manufaktur.yaml",
        "standard": LANGUAGES,
        "scheme": {
            "kind": CertificationScheme.Kind.KLASTER,
            "number": "SKM/LSP-BHS/KL-JP/05/2024",
            "title": "Skema Sertifikasi Klaster Komunikasi Bahasa Jepang di Tempat Kerja Industri",
            "kkni_level": None,
            "optional": ["P.854990.003.01"],
        },
    },
]


def demo_standard_file(entry: dict) -> bytes:
    """The demo standard as the YAML file an editor would upload."""
    return yaml.safe_dump(entry["standard"], allow_unicode=True, sort_keys=False, width=110).encode("utf-8")


def _standard_ensure(entry: dict) -> CompetencyStandard:
    data = entry["standard"]
    existing = CompetencyStandard.objects.filter(kind=data["kind"], decree_number=data["decree_number"]).first()
    if existing is not None:
        return existing
    result = standard_import(data=demo_standard_file(entry), filename=entry["file"])
    if not result.ok:
        raise ValueError(f"demo standard {entry['file']}: {[str(problem) for problem in result.errors[:5]]}")
    return result.standard


def _scheme_ensure(entry: dict, standard: CompetencyStandard) -> CertificationScheme:
    data = entry["scheme"]
    scheme = CertificationScheme.objects.filter(number=data["number"]).first()
    if scheme is not None:
        return scheme
    scheme = CertificationScheme(
        kind=data["kind"],
        number=data["number"],
        title=data["title"],
        kkni_level=data["kkni_level"],
        validity_months=VALIDITY_MONTHS,
    )
    scheme.full_clean()
    scheme.save()
    for order, unit in enumerate(standard.units.order_by("sort_order", "code")):
        SchemeUnit.objects.create(scheme=scheme, unit=unit, is_core=unit.code not in data["optional"], sort_order=order)
    return scheme


def _course_link(entry: dict, standard: CompetencyStandard) -> None:
    """The track's first course covers every unit of the standard; published as a new revision of the course,
    so that the course editor shows the units too."""
    track = TrackPage.objects.filter(slug=entry["track"]).first()
    course = CoursePage.objects.live().child_of(track).order_by("path").first() if track else None
    if course is None or course.unit_coverages.exists():
        return
    units = standard.units.order_by("sort_order", "code")
    course.unit_coverages = [CourseUnit(unit=unit, sort_order=order) for order, unit in enumerate(units)]
    course.save_revision().publish()


@transaction.atomic
def demo_standards_load() -> list[CompetencyStandard]:
    """Import the five demo standards, create their schemes and link each track's first course to its units."""
    loaded = []
    for entry in DEMO_STANDARDS:
        standard = _standard_ensure(entry)
        _scheme_ensure(entry, standard)
        _course_link(entry, standard)
        loaded.append(standard)
    return loaded
