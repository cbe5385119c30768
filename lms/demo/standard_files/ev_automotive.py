"""The demo standard of the track: Electric-vehicle automotive: high-voltage safety."""

from lms.demo.standard_files.builders import critical, unit

EV = {
    "format": "kompeten-standard/1",
    "kind": "SKKNI",
    "decree_number": "Kepmenaker No. 12 Tahun 2023",
    "title": "SKKNI Kategori Perdagangan Besar dan Eceran; Reparasi dan Perawatan Mobil dan Sepeda Motor Bidang "
    "Kendaraan Listrik Berbasis Baterai",
    "year": 2023,
    "sector": "Otomotif — Perawatan Kendaraan Listrik",
    "units": [
        unit(
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
        unit(
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
        unit(
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
