"""The demo's interactive blocks (courses.interactive), in Indonesian, appended to real lessons of the main tracks:
hotspots and matching on the lockstitch machine, ordering the steps of a PLC sensor wiring job, a K3 branching
scenario and the order of an HV isolation in the EV course, and flashcards, matching and blanks in the Japanese
course."""

GARMENT_PARTS = [
    (
        "hotspots",
        {
            "mode": "find",
            "instructions": "Temukan bagian mesin jahit lockstitch: ketuk nomor yang sesuai dengan nama yang ditanya.",
            "image": "garment-machine-unlabelled",
            "alt_text": "Mesin jahit lockstitch jarum satu tanpa label, dengan lima titik bernomor",
            "spots": [
                {"label": "Roda tangan", "x": "78.3", "y": "38.0", "description": "Memutar jarum dengan tangan."},
                {"label": "Sepatu penekan", "x": "31.0", "y": "64.6", "description": "Menekan kain ke gigi."},
                {
                    "label": "Pengatur tegangan benang atas",
                    "x": "35.9",
                    "y": "36.1",
                    "description": "Mengatur kencang benang atas.",
                },
                {"label": "Pedal", "x": "40.6", "y": "95.6", "description": "Mengatur kecepatan menjahit."},
                {"label": "Saklar daya", "x": "79.7", "y": "79.1", "description": "Matikan sebelum mengganti jarum."},
            ],
        },
    ),
    (
        "sort",
        {
            "mode": "match",
            "instructions": "Pasangkan setiap bagian mesin dengan fungsinya.",
            "items": [
                {"text": "Penarik benang", "match": "Menarik benang atas setelah setiap setik"},
                {"text": "Gigi transport", "match": "Memajukan kain sepanjang satu setik"},
                {"text": "Spul dan sekoci", "match": "Menyimpan dan mengeluarkan benang bawah"},
                {"text": "Pelindung jari", "match": "Menjaga jari agar tidak tertusuk jarum"},
            ],
            "feedback": "Tepat. Mengenal fungsi bagian mesin membantu Anda menemukan penyebab cacat jahitan.",
        },
    ),
]

MECHATRONICS_SENSOR = [
    (
        "sort",
        {
            "mode": "order",
            "instructions": "Urutkan langkah pengawatan sensor PNP 24 VDC ke input PLC.",
            "items": [
                {"text": "Matikan catu daya panel, pasang gembok dan label (LOTO)", "match": ""},
                {"text": "Pastikan nol tegangan dengan multimeter", "match": ""},
                {"text": "Sambungkan kabel coklat ke +24 V dan kabel biru ke 0 V", "match": ""},
                {"text": "Sambungkan kabel hitam (sinyal) ke terminal input I0.0", "match": ""},
                {"text": "Hidupkan catu daya dan uji: LED input I0.0 menyala saat benda terdeteksi", "match": ""},
            ],
            "feedback": "Benar: keselamatan dulu (LOTO), lalu catu daya sensor, sinyal, dan uji fungsi.",
        },
    ),
    (
        "fill_blanks",
        {
            "instructions": "Isi bagian yang kosong.",
            "text": (
                "Sensor [PNP] mengeluarkan +24 V pada kabel sinyal saat aktif, sedangkan sensor [NPN] "
                "menghubungkan kabel sinyal ke [0 V|0V|nol volt]. Kabel sinyal sensor tiga kawat berwarna [hitam]."
            ),
            "feedback": "Bagus. Warna kabel mengikuti standar IEC 60947-5-2.",
        },
    ),
]

EV_HAZARDS = [
    (
        "branching",
        {
            "title": "K3: kabel oranye terkelupas di bengkel",
            "scenes": [
                {
                    "key": "mulai",
                    "text": (
                        "Saat memeriksa mobil listrik di lift, Anda melihat kabel oranye tegangan tinggi yang "
                        "isolasinya terkelupas. Rekan Anda sedang mengambil kunci. Apa yang Anda lakukan?"
                    ),
                    "choices": [
                        {
                            "text": "Menyentuh kabel untuk memeriksa kerusakannya",
                            "leads_to": "tersengat",
                            "feedback": "Berbahaya: kabel oranye bisa bertegangan ratusan volt DC.",
                        },
                        {
                            "text": "Menjauh, memasang rambu bahaya, dan melapor ke penanggung jawab HV",
                            "leads_to": "lapor",
                            "feedback": "Langkah yang tepat: amankan area dulu.",
                        },
                    ],
                    "good_ending": False,
                },
                {
                    "key": "lapor",
                    "text": "Penanggung jawab HV datang. Rekan Anda ingin segera melanjutkan pekerjaan. Apa kata Anda?",
                    "choices": [
                        {
                            "text": "Tunggu sampai service disconnect dilepas dan nol tegangan diverifikasi",
                            "leads_to": "aman",
                            "feedback": "Tepat: bekerja hanya setelah sistem HV dipastikan tanpa tegangan.",
                        },
                        {
                            "text": "Lanjutkan saja, asal tidak menyentuh kabel oranye",
                            "leads_to": "busur",
                            "feedback": "Tidak aman: alat logam dapat memicu busur listrik.",
                        },
                    ],
                    "good_ending": False,
                },
                {
                    "key": "tersengat",
                    "text": "Anda tersengat listrik dan dibawa ke klinik. Jangan pernah menyentuh kabel HV rusak.",
                    "choices": [],
                    "good_ending": False,
                },
                {
                    "key": "busur",
                    "text": "Kunci pas menyentuh terminal dan terjadi busur listrik. Pekerjaan dihentikan.",
                    "choices": [],
                    "good_ending": False,
                },
                {
                    "key": "aman",
                    "text": "Sistem HV dinyatakan aman, kabel diganti teknisi bersertifikat, dan insiden dicatat.",
                    "choices": [],
                    "good_ending": True,
                },
            ],
        },
    ),
    (
        "sort",
        {
            "mode": "order",
            "instructions": "Urutkan langkah isolasi sistem tegangan tinggi sebelum bekerja.",
            "items": [
                {"text": "Matikan kendaraan dan jauhkan kunci pintar 5 meter", "match": ""},
                {"text": "Pakai sarung tangan isolasi kelas 0 yang sudah diuji", "match": ""},
                {"text": "Lepas service disconnect dan simpan di tempat terkunci", "match": ""},
                {"text": "Tunggu waktu pengosongan kapasitor sesuai manual", "match": ""},
                {"text": "Verifikasi nol tegangan dengan alat ukur CAT III", "match": ""},
            ],
            "feedback": "Benar. Verifikasi nol tegangan selalu menjadi langkah terakhir sebelum menyentuh komponen HV.",
        },
    ),
]

LANGUAGE_SAFETY = [
    (
        "flashcards",
        {
            "title": "Kosakata keselamatan kerja bahasa Jepang",
            "cards": [
                {"front": "危ない (abunai)", "back": "berbahaya"},
                {"front": "止まれ (tomare)", "back": "berhenti"},
                {"front": "火事 (kaji)", "back": "kebakaran"},
                {"front": "安全第一 (anzen daiichi)", "back": "keselamatan nomor satu"},
                {"front": "保護具 (hogogu)", "back": "alat pelindung diri (APD)"},
                {"front": "立入禁止 (tachiiri kinshi)", "back": "dilarang masuk"},
                {"front": "非常口 (hijouguchi)", "back": "pintu darurat"},
                {"front": "報告 (houkoku)", "back": "laporan"},
            ],
        },
    ),
    (
        "sort",
        {
            "mode": "match",
            "instructions": "Pasangkan kata keselamatan bahasa Jepang dengan artinya.",
            "items": [
                {"text": "危ない (abunai)", "match": "Berbahaya!"},
                {"text": "止まれ (tomare)", "match": "Berhenti!"},
                {"text": "火事だ (kaji da)", "match": "Ada kebakaran!"},
                {"text": "気をつけて (ki o tsukete)", "match": "Hati-hati"},
            ],
            "feedback": "Bagus. Kata-kata ini harus Anda kenali tanpa berpikir.",
        },
    ),
    (
        "fill_blanks",
        {
            "instructions": "Isi dengan romaji.",
            "text": (
                "Untuk berkata 'berbahaya!' di bengkel Jepang, teriakkan [abunai]. Untuk meminta orang berhenti, "
                "katakan [tomare|tomatte]."
            ),
            "feedback": "",
        },
    ),
]
