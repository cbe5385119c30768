"""The five demo standards as plain data (one module per track), each with the scheme the demo LSP certifies."""

from assessments.models import CertificationScheme
from lms.demo.standard_files.artificial_intelligence import AI
from lms.demo.standard_files.ev_automotive import EV
from lms.demo.standard_files.garment import GARMENT
from lms.demo.standard_files.languages import LANGUAGES
from lms.demo.standard_files.mechatronics import MECHATRONICS

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
