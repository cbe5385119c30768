"""The demo standard of the track: Japanese at the industrial workplace (SKKK)."""

from lms.demo.standard_files.builders import critical, unit

LANGUAGES = {
    "format": "kompeten-standard/1",
    "kind": "SKKK",
    "decree_number": "Kepdirjen Binalavotas No. 2/1209/LP.00.00/VI/2022",
    "title": "SKKK Bahasa Jepang untuk Pekerja Industri Manufaktur",
    "year": 2022,
    "sector": "Jasa Pendidikan — Bahasa Kerja",
    "units": [
        unit(
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
        unit(
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
        unit(
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
