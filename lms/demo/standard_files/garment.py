"""The demo standard of the track: Garment production (SKKNI, industri pakaian jadi)."""

from lms.demo.standard_files.builders import critical, unit

GARMENT = {
    "format": "kompeten-standard/1",
    "kind": "SKKNI",
    "decree_number": "Kepmenaker No. 116 Tahun 2019",
    "title": "SKKNI Kategori Industri Pengolahan Golongan Pokok Industri Pakaian Jadi Bidang Produksi Garmen",
    "year": 2019,
    "sector": "Industri Pengolahan — Industri Pakaian Jadi",
    "units": [
        unit(
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
        unit(
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
        unit(
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
