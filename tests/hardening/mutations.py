"""Hypothesis strategies shared by the parser tests: random bytes, random text, and valid files mutated by random
insertions, deletions and replacements (of random bytes or of fragments that mean something to some parser)."""

from hypothesis import strategies as st

#: Pieces that mean something to one of the formats (GIFT, XML, YAML, CSV) or to a decoder.
FRAGMENTS = [
    b"{",
    b"}",
    b"~",
    b"=",
    b"#",
    b"::",
    b"->",
    b"%",
    b"\\",
    b"\n\n",
    b"\r",
    b"\r\n",
    b"$CATEGORY:",
    b"[markdown]",
    b"<",
    b">",
    b"</",
    b"&",
    b"&amp;",
    b"&x;",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"<?xml",
    b"<!DOCTYPE",
    b'<!ENTITY x SYSTEM "file:///etc/passwd">',
    b"<question>",
    b'type="',
    b"<text>",
    b"</text>",
    b'"',
    b"'",
    b",",
    b";",
    b"\t",
    b"- ",
    b": ",
    b"? ",
    b"&a ",
    b"*a",
    b"!!python/object:os.system",
    b"!!binary",
    b"[",
    b"]",
    b"|",
    b">-",
    b"---",
    b"...",
    b"2020-13-45",
    b"9" * 50,
    b"1e999999",
    b"=cmd|' /C calc'!A0",
    b"\x00",
    b"\xff",
    b"\xfe",
    b"\xef\xbb\xbf",
    b"\xc3",
    b"\xe2\x80\xae",
    b"\xf0\x9f\x98\x80",
]

_piece = st.one_of(st.binary(min_size=1, max_size=6), st.sampled_from(FRAGMENTS))


@st.composite
def mutated(draw, document: bytes, *, max_mutations: int = 12) -> bytes:
    """``document`` with up to ``max_mutations`` random insertions, deletions and replacements."""
    data = bytearray(document)
    for _step in range(draw(st.integers(min_value=1, max_value=max_mutations))):
        position = draw(st.integers(min_value=0, max_value=len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert" or not data:
            data[position:position] = draw(_piece)
        elif kind == "delete":
            data[position : position + draw(st.integers(min_value=1, max_value=40))] = b""
        else:
            data[position : position + draw(st.integers(min_value=1, max_value=6))] = draw(_piece)
    return bytes(data)


random_bytes = st.binary(max_size=4096)
random_text = st.text(max_size=4096).map(lambda text: text.encode("utf-8", "surrogatepass"))
