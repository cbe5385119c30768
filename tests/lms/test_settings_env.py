import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_environment_variable_the_settings_read_is_documented():
    source = "\n".join(p.read_text() for p in (ROOT / "lms" / "settings").glob("*.py"))
    read = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', source))
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert len(read) > 10, "the pattern no longer matches how the settings read the environment"
    assert read - documented == set()
