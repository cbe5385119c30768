"""The demo standard of the track: Artificial intelligence: machine learning."""

from lms.demo.standard_files.builders import critical, unit

AI = {
    "format": "kompeten-standard/1",
    "kind": "SKKNI",
    "decree_number": "Kepmenaker No. 210 Tahun 2022",
    "title": "SKKNI Kategori Informasi dan Komunikasi Golongan Pokok Aktivitas Pemrograman dan Konsultasi Komputer "
    "Bidang Kecerdasan Artifisial",
    "year": 2022,
    "sector": "Informasi dan Komunikasi",
    "units": [
        unit(
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
        unit(
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
        unit(
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
