"""The demo standard of the track: Mechatronics and industrial automation."""

from lms.demo.standard_files.builders import critical, unit

MECHATRONICS = {
    "format": "kompeten-standard/1",
    "kind": "SKKNI",
    "decree_number": "Kepmenaker No. 58 Tahun 2021",
    "title": "SKKNI Kategori Industri Pengolahan Golongan Pokok Industri Mesin dan Perlengkapan Bidang Mekatronika",
    "year": 2021,
    "sector": "Industri Pengolahan — Otomasi Industri",
    "units": [
        unit(
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
        unit(
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
        unit(
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
